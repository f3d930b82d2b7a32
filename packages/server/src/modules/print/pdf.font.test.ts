import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import {
  defaultFontCandidates, envFontCandidate, firstFaceOfCollection, fontProvider, npmFontCandidate, resolvePdfFonts, SYSTEM_FONTS, type FontCandidate,
} from './pdf.font.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-font-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file standing in for a font: the resolver reads it, it does not parse a plain TTF. */
function fontFile(name: string, content = `font ${name}`): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}
const missing = (name: string) => path.join(dir, 'missing', name);

/** A minimal TrueType collection: header, one font's table directory, a name table with ID 6. */
function collection(postscriptName: string, platform: 1 | 3 = 3): Buffer {
  const str = platform === 3 ? Buffer.from(postscriptName, 'utf16le').swap16() : Buffer.from(postscriptName, 'latin1');
  const name = Buffer.alloc(6 + 12 + str.length);
  name.writeUInt16BE(0, 0); // format
  name.writeUInt16BE(1, 2); // count
  name.writeUInt16BE(18, 4); // string storage offset
  name.writeUInt16BE(platform, 6);
  name.writeUInt16BE(platform === 3 ? 1 : 0, 8);
  name.writeUInt16BE(platform === 3 ? 0x409 : 0, 10);
  name.writeUInt16BE(6, 12); // name ID 6: PostScript name
  name.writeUInt16BE(str.length, 14);
  name.writeUInt16BE(0, 16);
  str.copy(name, 18);
  const header = Buffer.alloc(16);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(1, 8);
  header.writeUInt32BE(16, 12); // the first font's offset table
  const dirOffset = 16;
  const table = Buffer.alloc(12 + 16);
  table.writeUInt32BE(0x00010000, 0);
  table.writeUInt16BE(1, 4); // numTables
  table.write('name', 12, 'latin1');
  table.writeUInt32BE(dirOffset + table.length, 20); // offset of the name table
  table.writeUInt32BE(name.length, 24);
  return Buffer.concat([header, table, name]);
}

describe('resolvePdfFonts: the first readable candidate wins', () => {
  it('takes BANGFU_PDF_FONT before the npm package and the system fonts', () => {
    const env = fontFile('env.ttf');
    const npm = fontFile('npm.ttf');
    const sys = fontFile('sys.ttf');
    const fonts = resolvePdfFonts([
      { source: 'BANGFU_PDF_FONT', regular: { path: env } },
      { source: 'npm', regular: { path: npm } },
      { source: 'system', regular: { path: sys } },
    ]);
    expect(fonts.source).toBe('BANGFU_PDF_FONT');
    expect(fonts.regular.path).toBe(env);
    expect(fonts.regular.data.toString()).toBe('font env.ttf');
  });

  it('skips an unreadable BANGFU_PDF_FONT with an English log line and falls back to the npm package', () => {
    const npm = fontFile('npm2.ttf');
    const logs: string[] = [];
    const fonts = resolvePdfFonts([
      { source: 'BANGFU_PDF_FONT', regular: { path: missing('env.ttf') } },
      { source: 'npm', regular: { path: npm } },
    ], (m) => logs.push(m));
    expect(fonts.source).toBe('npm');
    expect(logs.join('\n')).toMatch(/BANGFU_PDF_FONT=.*env\.ttf cannot be read/);
  });

  it('falls through to the system fonts in their order when nothing else is there', () => {
    const second = fontFile('droid.ttf');
    const fonts = resolvePdfFonts([
      { source: 'npm', regular: { path: missing('npm.ttf') } },
      { source: 'system', regular: { path: missing('noto.ttc'), face: 'NotoSansCJKsc-Regular' } },
      { source: 'system', regular: { path: second } },
    ]);
    expect(fonts.regular.path).toBe(second);
  });

  it('uses the bold face for headings when it exists, the regular face otherwise', () => {
    const regular = fontFile('r.ttf');
    const bold = fontFile('b.ttf');
    expect(resolvePdfFonts([{ source: 'npm', regular: { path: regular }, bold: { path: bold } }]).bold.path).toBe(bold);
    expect(resolvePdfFonts([{ source: 'npm', regular: { path: regular }, bold: { path: missing('b.ttf') } }]).bold.path).toBe(regular);
    expect(resolvePdfFonts([{ source: 'npm', regular: { path: regular } }]).bold.path).toBe(regular);
  });

  it('picks a face of a collection: the one named, else the first face read from the file', () => {
    const ttc = path.join(dir, 'c.ttc');
    fs.writeFileSync(ttc, collection('WenQuanYiMicroHei'));
    expect(resolvePdfFonts([{ source: 'system', regular: { path: ttc, face: 'Other-Face' } }]).regular.face).toBe('Other-Face');
    expect(resolvePdfFonts([{ source: 'BANGFU_PDF_FONT', regular: { path: ttc } }]).regular.face).toBe('WenQuanYiMicroHei');
    // a plain font file carries no face name
    expect(resolvePdfFonts([{ source: 'npm', regular: { path: fontFile('plain.ttf') }, }]).regular.face).toBeUndefined();
  });

  it('finds nothing: 503 PDF_FONT_MISSING saying in Chinese how to fix it, and logs the paths tried in English', () => {
    const logs: string[] = [];
    let err: unknown;
    try {
      resolvePdfFonts([{ source: 'npm', regular: { path: missing('a.ttf') } }, { source: 'system', regular: { path: missing('b.ttc') } }], (m) => logs.push(m));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect([e.status, e.code]).toEqual([503, 'PDF_FONT_MISSING']);
    expect(e.userMessage).toContain('中文字体');
    expect(e.userMessage).toContain('npm install');
    expect(e.userMessage).toContain('@expo-google-fonts/noto-sans-sc');
    expect(e.userMessage).toContain('apt-get install fonts-noto-cjk');
    expect(e.userMessage).toContain('BANGFU_PDF_FONT');
    expect(e.message).toMatch(/no CJK font.*a\.ttf.*b\.ttc/);
    expect(logs.at(-1)).toMatch(/^no CJK font for PDF printing; tried: .*a\.ttf, .*b\.ttc$/);
    expect(() => resolvePdfFonts([])).toThrow(AppError);
  });
});

describe('the candidate list', () => {
  it('puts BANGFU_PDF_FONT first, then the npm package, then the system fonts', () => {
    const list = defaultFontCandidates({ BANGFU_PDF_FONT: '/opt/fonts/simsun.ttf' });
    expect(list.map((c) => c.source)).toEqual(['BANGFU_PDF_FONT', 'npm', ...SYSTEM_FONTS.map(() => 'system')]);
    expect(list[0].regular.path).toBe('/opt/fonts/simsun.ttf');
    expect(defaultFontCandidates({})[0].source).toBe('npm');
    expect(defaultFontCandidates({ BANGFU_PDF_FONT: '  ' })[0].source).toBe('npm');
  });

  it('finds the npm package\'s regular and bold Noto Sans SC files', () => {
    const c = npmFontCandidate()!;
    expect(c.regular.path).toMatch(/noto-sans-sc[\\/]400Regular[\\/]NotoSansSC_400Regular\.ttf$/);
    expect(c.bold?.path).toMatch(/700Bold[\\/]NotoSansSC_700Bold\.ttf$/);
    expect(fs.existsSync(c.regular.path)).toBe(true);
  });

  it('reads a face name after # when the path with it does not exist', () => {
    expect(envFontCandidate('/usr/share/fonts/x.ttc#NotoSansCJKsc-Regular')?.regular).toEqual({ path: '/usr/share/fonts/x.ttc', face: 'NotoSansCJKsc-Regular' });
    const odd = fontFile('with#hash.ttf');
    expect(envFontCandidate(odd)?.regular).toEqual({ path: odd });
    expect(envFontCandidate(undefined)).toBeUndefined();
  });

  it('reads the PostScript name of a collection\'s first face (Windows and Mac name records)', () => {
    expect(firstFaceOfCollection(collection('NotoSansCJKjp-Regular'))).toBe('NotoSansCJKjp-Regular');
    expect(firstFaceOfCollection(collection('WenQuanYiMicroHei', 1))).toBe('WenQuanYiMicroHei');
    expect(firstFaceOfCollection(Buffer.from('not a collection at all'))).toBeUndefined();
  });
});

describe('fontProvider', () => {
  it('resolves once on success, and tries again after a failure (a font installed later is found)', () => {
    const p = path.join(dir, 'later.ttf');
    let calls = 0;
    const candidates = (): FontCandidate[] => { calls++; return [{ source: 'system', regular: { path: p } }]; };
    const fonts = fontProvider(candidates);
    expect(() => fonts()).toThrow(/PDF_FONT_MISSING|no CJK font/);
    fs.writeFileSync(p, 'now installed');
    expect(fonts().regular.path).toBe(p);
    expect(fonts().regular.path).toBe(p);
    expect(calls).toBe(2);
  });
});
