// Which Chinese font the printed forms embed. pdfkit's standard fonts have no Chinese glyphs, so a
// CJK font file is required: BANGFU_PDF_FONT first (the operator's choice), then the npm font
// package the project depends on, then the usual Debian system fonts.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AppError } from '../../lib/errors.js';

export interface FontFace {
  path: string;
  /** the PostScript name of the face inside a collection (.ttc); pdfkit needs it to pick one */
  face?: string;
}

export interface FontCandidate {
  /** where it comes from, for the log: "BANGFU_PDF_FONT", "npm", "system" */
  source: string;
  regular: FontFace;
  /** used for the title and headings; the regular face when absent */
  bold?: FontFace;
}

export interface PdfFonts {
  source: string;
  regular: { data: Buffer; face?: string; path: string };
  bold: { data: Buffer; face?: string; path: string };
}

export const SYSTEM_FONTS: FontCandidate[] = [
  { source: 'system', regular: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'NotoSansCJKsc-Bold' } },
  { source: 'system', regular: { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' } },
  { source: 'system', regular: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' } },
  { source: 'system', regular: { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' } },
];

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

/** The npm font package's files, when it is installed (require.resolve finds them wherever npm hoisted them). */
export function npmFontCandidate(): FontCandidate | undefined {
  const require = createRequire(import.meta.url);
  const find = (file: string) => {
    try {
      return require.resolve(`${FONT_PACKAGE}/${file}`);
    } catch {
      return undefined;
    }
  };
  const regular = find('400Regular/NotoSansSC_400Regular.ttf');
  if (!regular) return undefined;
  const bold = find('700Bold/NotoSansSC_700Bold.ttf');
  return { source: 'npm', regular: { path: regular }, ...(bold ? { bold: { path: bold } } : {}) };
}

/** BANGFU_PDF_FONT=/path/font.ttf, or /path/fonts.ttc#PostScriptName to pick a face of a collection. */
export function envFontCandidate(value: string | undefined): FontCandidate | undefined {
  if (!value?.trim()) return undefined;
  const v = value.trim();
  const hash = v.lastIndexOf('#');
  if (hash > 0 && !fs.existsSync(v)) return { source: 'BANGFU_PDF_FONT', regular: { path: v.slice(0, hash), face: v.slice(hash + 1) } };
  return { source: 'BANGFU_PDF_FONT', regular: { path: v } };
}

export function defaultFontCandidates(env: NodeJS.ProcessEnv = process.env): FontCandidate[] {
  return [envFontCandidate(env.BANGFU_PDF_FONT), npmFontCandidate(), ...SYSTEM_FONTS].filter((c): c is FontCandidate => !!c);
}

/**
 * The first face of a TrueType collection: its PostScript name (name ID 6), read from the first
 * font's `name` table. pdfkit cannot embed a collection without being told which face to use.
 */
export function firstFaceOfCollection(data: Buffer): string | undefined {
  if (data.length < 16 || data.toString('latin1', 0, 4) !== 'ttcf') return undefined;
  const font = data.readUInt32BE(12);
  const numTables = data.readUInt16BE(font + 4);
  for (let i = 0; i < numTables; i++) {
    const rec = font + 12 + i * 16;
    if (data.toString('latin1', rec, rec + 4) !== 'name') continue;
    const table = data.readUInt32BE(rec + 8);
    const count = data.readUInt16BE(table + 2);
    const strings = table + data.readUInt16BE(table + 4);
    let latin: string | undefined;
    for (let j = 0; j < count; j++) {
      const r = table + 6 + j * 12;
      const platform = data.readUInt16BE(r);
      if (data.readUInt16BE(r + 6) !== 6) continue;
      const len = data.readUInt16BE(r + 8);
      const at = strings + data.readUInt16BE(r + 10);
      if (platform === 3 || platform === 0) return Buffer.from(data.subarray(at, at + len)).swap16().toString('utf16le'); // a copy: swap16 works in place
      if (platform === 1) latin = data.toString('latin1', at, at + len);
    }
    return latin;
  }
  return undefined;
}

type Log = (msg: string) => void;

function load(face: FontFace, log: Log): { data: Buffer; face?: string; path: string } | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(face.path);
  } catch {
    return undefined;
  }
  const isCollection = data.toString('latin1', 0, 4) === 'ttcf';
  const name = face.face ?? (isCollection ? firstFaceOfCollection(data) : undefined);
  if (isCollection && !name) {
    log(`PDF font ${face.path} is a font collection whose face names cannot be read; skipped`);
    return undefined;
  }
  return { data, face: isCollection ? name : undefined, path: face.path };
}

export function fontMissingError(tried: string[]): AppError {
  return new AppError('PDF_FONT_MISSING', { message: '服务器缺少中文字体，无法生成 PDF 调查表。请系统管理员任选一种方法解决：在项目目录运行 npm install（安装字体包 @expo-google-fonts/noto-sans-sc）；'
    + '或执行 apt-get install fonts-noto-cjk 安装系统中文字体；或设置环境变量 BANGFU_PDF_FONT 指向一个中文 TTF/TTC/OTF 字体文件，然后重启服务。', detail: `no CJK font for PDF printing; tried: ${tried.join(', ') || '(no candidates)'}` });
}

/** The first candidate whose regular face can be read; its bold face when readable, else the regular one. */
export function resolvePdfFonts(candidates: FontCandidate[], log: Log = () => {}): PdfFonts {
  const tried: string[] = [];
  for (const c of candidates) {
    tried.push(c.regular.path);
    const regular = load(c.regular, log);
    if (!regular) {
      if (c.source === 'BANGFU_PDF_FONT') log(`BANGFU_PDF_FONT=${c.regular.path} cannot be read; trying the other fonts`);
      continue;
    }
    const bold = (c.bold && load(c.bold, log)) || regular;
    return { source: c.source, regular, bold };
  }
  log(`no CJK font for PDF printing; tried: ${tried.join(', ')}`);
  throw fontMissingError(tried);
}

/**
 * Resolves once and keeps the font data (about 20 MB for Noto Sans SC) for every later print. A
 * failure is not remembered, so installing a font helps without a restart.
 */
export function fontProvider(candidates: () => FontCandidate[], log: { info: Log; warn: Log } = { info() {}, warn() {} }): () => PdfFonts {
  let fonts: PdfFonts | undefined;
  return () => {
    if (!fonts) {
      fonts = resolvePdfFonts(candidates(), (msg) => log.warn(msg));
      log.info(`PDF font: ${fonts.regular.path}${fonts.regular.face ? ` (${fonts.regular.face})` : ''} from ${fonts.source}`);
    }
    return fonts;
  };
}
