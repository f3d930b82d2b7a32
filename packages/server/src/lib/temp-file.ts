// A workbook written to a temporary file, then sent and removed: downloads too large to build in memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { todayInChina } from '@bangfu/core';
import { attachment } from './attachment.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const tempXlsx = () => path.join(os.tmpdir(), `bangfu-${randomUUID()}.xlsx`);

// the file's date is the user's (China), not the server's UTC day
export const fileStamp = () => todayInChina().replace(/-/g, '');

/** Sends a finished temp file and removes it afterwards, whether the download completes or not. */
export function sendTempFile(reply: FastifyReply, file: string, name: string, fallback: string, type = XLSX) {
  const stream = fs.createReadStream(file);
  stream.on('close', () => fs.rm(file, { force: true }, () => {}));
  return reply.header('Content-Type', type).header('Content-Disposition', attachment(name, fallback)).send(stream);
}

/** Writes a workbook into a temp file with `write` (which names the download), then sends it; the file is removed if writing fails. */
export async function sendWrittenXlsx(reply: FastifyReply, write: (file: string) => Promise<{ name: string }>, fallback: string) {
  const file = tempXlsx();
  let name: string;
  try {
    ({ name } = await write(file));
  } catch (e) {
    fs.rm(file, { force: true }, () => {});
    throw e;
  }
  return sendTempFile(reply, file, name, fallback);
}
