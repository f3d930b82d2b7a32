// 调研报告 (research reports): what each required organization owes for a campaign's `report`
// deadline, and what a report file may be. The file is judged by its content (its first bytes and,
// for .docx, the Word part inside the zip), not by its name; the name's extension must agree.
export const REPORT_FILE_KINDS = ['docx', 'doc', 'wps', 'pdf'] as const;
export type ReportFileKind = (typeof REPORT_FILE_KINDS)[number];
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;
/** what a county union owes by default (the seed: 1–2 篇), and a large unit (1 篇) */
export const DEFAULT_REPORTS_OWED = { region: 1, unit: 1 } as const;

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: .doc, and .wps of WPS Office
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

function contains(b: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** What the bytes are, or null when they are none of the report kinds. */
export function reportKindOfContent(b: Uint8Array): ReportFileKind | 'cfb' | null {
  if (b.length >= 5 && startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (b.length >= 8 && startsWith(b, CFB)) return 'cfb';
  if (b.length >= 4 && startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && contains(b, 'word/document.xml')) return 'docx';
  return null;
}

/** The kind of a report file, or the reason (in Chinese) it is refused. */
export function checkReportFile(name: string, b: Uint8Array): { kind: ReportFileKind } | { error: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!(REPORT_FILE_KINDS as readonly string[]).includes(ext)) return { error: `不支持的文件类型“${name}”：请上传 Word（.docx、.doc）、WPS（.wps）或 PDF 文件` };
  if (b.length === 0) return { error: '文件是空的，请重新选择' };
  if (b.length > REPORT_MAX_BYTES) return { error: `文件超过 ${REPORT_MAX_BYTES / 1024 / 1024} MB，请压缩图片后再上传` };
  const content = reportKindOfContent(b);
  const agrees = content === ext || (content === 'cfb' && (ext === 'doc' || ext === 'wps'));
  if (!agrees) return { error: `文件“${name}”的内容不是${ext === 'pdf' ? ' PDF' : ext === 'wps' ? ' WPS 文字' : ' Word'} 文档，请确认文件没有损坏、扩展名正确` };
  return { kind: ext as ReportFileKind };
}
