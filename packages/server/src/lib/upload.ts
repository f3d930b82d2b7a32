// Receives a multipart upload as a browser sends it: each file part written to the upload folder
// under a random name (the person's file name kept apart, cleaned for their eyes), the plain fields
// collected. Anything wrong with the request is the person's fault, said in Chinese; files already
// written are removed.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface UploadedFile {
  path: string;
  name: string;
}

export function fileKind(name: string): 'xlsx' | 'csv' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.xlsx')) return 'xlsx';
  if (n.endsWith('.csv')) return 'csv';
  return null;
}

export const removeUploads = (files: readonly UploadedFile[]) => {
  for (const f of files) fs.rm(f.path, { force: true }, () => {});
};

export async function receiveUpload(req: FastifyRequest, uploadDir: string, opts: { maxBytes: number; tooMany: string }): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('INVALID_FILE', { message: '请以 multipart/form-data 上传文件（字段名 file）', errors: [{ path: 'file', message: '请选择要导入的文件' }] });
  await fs.promises.mkdir(uploadDir, { recursive: true });
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type !== 'file') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      // a plain name for the person's eyes: no control characters (NUL once left files behind), no path of either OS
      const name = (part.filename || '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.slice(-200) || 'upload';
      const kind = fileKind(name);
      if (!kind) {
        part.file.resume();
        throw new AppError('INVALID_FILE', { message: `不支持的文件类型“${name}”：请上传 .xlsx 工作簿或 .csv 文件（旧版 .xls 请先另存为 .xlsx）`, errors: [{ path: 'file', message: '文件类型应为 .xlsx 或 .csv' }] });
      }
      const dest = path.join(uploadDir, `${randomUUID()}.${kind}`);
      files.push({ path: dest, name });
      await pipeline(part.file, fs.createWriteStream(dest));
      if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { message: `文件“${name}”超过 ${opts.maxBytes / 1024 / 1024} MB，请分批导入`, errors: [{ path: 'file', message: '文件过大' }] });
    }
    if (files.length === 0) throw new AppError('INVALID_FILE', { message: '没有收到文件，请选择要导入的 .xlsx 或 .csv 文件', errors: [{ path: 'file', message: '请选择要导入的文件' }] });
  } catch (e) {
    removeUploads(files);
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError('INVALID_FILE', { message: opts.tooMany, errors: [{ path: 'file', message: '文件过多' }] });
    if (e instanceof AppError) throw e;
    // a body the multipart parser cannot read (no boundary, cut off): the request's fault
    req.log.info({ err: e }, 'unreadable multipart upload');
    throw new AppError('INVALID_FILE', { message: '上传的内容无法读取，请重新选择文件上传', errors: [{ path: 'file', message: '上传的内容无法读取' }] });
  }
  return { files, fields };
}
