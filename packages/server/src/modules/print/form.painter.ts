// A ruled form on pdfkit: rows of bordered cells whose text wraps inside the cell, page breaks
// that never cut a row (a long text row continues on the next page), and a hook that redraws a
// table header on each new page. Text is wrapped here, not by pdfkit, so that heights are known
// before anything is drawn and pdfkit never adds a page on its own.

export const FONT = 'cjk';
export const FONT_BOLD = 'cjk-bold';

export interface Box { x: number; y: number; w: number; h: number }

export interface Cell {
  width: number;
  text?: string;
  /** label: shaded and centred, like the printed captions of the paper form */
  kind?: 'label' | 'value';
  align?: 'left' | 'center';
  bold?: boolean;
  size?: number;
  /** drawn content instead of text (check boxes, the opinion boxes) */
  draw?: (box: Box) => void;
  /** the height the drawn content needs */
  drawHeight?: number;
}

export interface PainterOptions {
  left: number;
  width: number;
  top: number;
  bottom: number;
  /** called after a page was added: running header, repeated table header */
  onNewPage?: () => void;
}

const PAD_X = 4;
const PAD_Y = 3.5;
export const BASE_SIZE = 9;
const LINE = 1.4; // line height in ems: CJK text needs more air than Latin
const MIN_ROW = 18;
const LABEL_FILL = '#f2f2f2';
const RULE = 0.6;
const NO_LINE_START = '）)」』】，。、；：！？”’%';
const NO_LINE_END = '（(「『【“‘';

export class FormPainter {
  y: number;
  /** redrawn at the top of each new page while set (the members table header) */
  repeat: (() => void) | undefined;
  private widths = new Map<string, number>();

  constructor(readonly doc: PDFKit.PDFDocument, readonly opts: PainterOptions) {
    this.y = opts.top;
  }

  get left() { return this.opts.left; }
  get width() { return this.opts.width; }
  get room() { return this.opts.bottom - this.y; }

  lineHeight(size = BASE_SIZE) { return size * LINE; }

  private charWidth(ch: string, size: number, bold: boolean): number {
    const key = `${bold ? 'b' : 'r'}${size}${ch}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      w = this.doc.font(bold ? FONT_BOLD : FONT).fontSize(size).widthOfString(ch);
      this.widths.set(key, w);
    }
    return w;
  }

  textWidth(s: string, size = BASE_SIZE, bold = false): number {
    let w = 0;
    for (const ch of s) w += this.charWidth(ch, size, bold);
    return w;
  }

  /**
   * Lines of `text` that fit `width`: Chinese breaks between any two characters; a run of Latin
   * letters or digits (an identity number, a phone) stays whole unless it is wider than a line.
   */
  wrap(text: string, width: number, size = BASE_SIZE, bold = false): string[] {
    const out: string[] = [];
    for (const para of text.split(/\r?\n/)) {
      const tokens = para.match(/[A-Za-z0-9.,:;@/()\-_+*%#]+|\s+|./gu) ?? [];
      let line = '';
      let w = 0;
      const push = () => {
        // an opening bracket never ends a line: it moves down with what it opens
        const chars = [...line.trimEnd()];
        const carry = chars.length > 1 && NO_LINE_END.includes(chars[chars.length - 1]) ? chars.pop()! : '';
        out.push(chars.join(''));
        line = carry;
        w = carry ? this.textWidth(carry, size, bold) : 0;
      };
      for (const t of tokens) {
        const tw = this.textWidth(t, size, bold);
        if (w + tw <= width) { line += t; w += tw; continue; }
        if (/^\s+$/.test(t)) { push(); continue; }
        if (line && NO_LINE_START.includes(t) && [...line].length > 1) {
          // a closing bracket or comma never starts a line: the character before it goes along
          const chars = [...line];
          const last = chars.pop()!;
          line = chars.join('');
          push();
          line += last + t;
          w = this.textWidth(line, size, bold);
          continue;
        }
        if (line) push();
        if (w + tw <= width) { line += t; w += tw; continue; } // line holds at most a carried bracket
        for (const ch of t) {
          const cw = this.charWidth(ch, size, bold);
          if (w + cw > width && line) push();
          line += ch;
          w += cw;
        }
      }
      out.push(line.trimEnd());
    }
    return out;
  }

  private cellLines(c: Cell): string[] {
    return c.text ? this.wrap(c.text, c.width - 2 * PAD_X, c.size ?? BASE_SIZE, c.bold ?? false) : [];
  }

  private cellHeight(c: Cell): number {
    if (c.draw) return (c.drawHeight ?? 0) + 2 * PAD_Y;
    return this.cellLines(c).length * this.lineHeight(c.size) + 2 * PAD_Y;
  }

  rowHeight(cells: Cell[], minHeight = MIN_ROW): number {
    return Math.max(minHeight, ...cells.map((c) => this.cellHeight(c)));
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.opts.top;
    this.opts.onNewPage?.();
    this.repeat?.();
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (h > this.room) this.newPage();
  }

  /** One row of ruled cells, all as tall as the tallest; moved whole to the next page when it does not fit. */
  row(cells: Cell[], minHeight = MIN_ROW): void {
    const h = this.rowHeight(cells, minHeight);
    this.ensure(h);
    let x = this.left;
    for (const c of cells) {
      this.drawCell(c, { x, y: this.y, w: c.width, h }, this.cellLines(c));
      x += c.width;
    }
    this.y += h;
  }

  /**
   * A label cell and a long text beside it (needs, measures, descriptions): when the text does not
   * fit on the page it is split by lines, and the label says （续） on the next page.
   */
  longRow(label: string, labelWidth: number, text: string, minHeight = MIN_ROW): void {
    const valueWidth = this.width - labelWidth;
    let lines = this.wrap(text, valueWidth - 2 * PAD_X);
    const lh = this.lineHeight();
    let first = true;
    for (;;) {
      const need = Math.max(minHeight, lines.length * lh + 2 * PAD_Y);
      // at least three lines before a break, so that a row is not left with a stub
      if (need > this.room && this.room < Math.min(need, 3 * lh + 2 * PAD_Y)) this.newPage();
      const fit = Math.max(1, Math.floor((this.room - 2 * PAD_Y) / lh));
      const part = lines.slice(0, fit);
      const h = part.length === lines.length ? Math.max(minHeight, part.length * lh + 2 * PAD_Y) : this.room;
      const labelText = first ? label : `${label}（续）`;
      this.drawCell({ width: labelWidth, text: labelText, kind: 'label' }, { x: this.left, y: this.y, w: labelWidth, h },
        this.wrap(labelText, labelWidth - 2 * PAD_X));
      this.drawCell({ width: valueWidth, align: 'left' }, { x: this.left + labelWidth, y: this.y, w: valueWidth, h }, part, 'top');
      this.y += h;
      lines = lines.slice(part.length);
      if (lines.length === 0) return;
      first = false;
      this.newPage();
    }
  }

  private drawCell(c: Cell, box: Box, lines: string[], valign: 'middle' | 'top' = 'middle'): void {
    const { doc } = this;
    if (c.kind === 'label') doc.save().rect(box.x, box.y, box.w, box.h).fill(LABEL_FILL).restore();
    doc.save().lineWidth(RULE).strokeColor('#000').rect(box.x, box.y, box.w, box.h).stroke().restore();
    if (c.draw) {
      c.draw({ x: box.x + PAD_X, y: box.y + PAD_Y, w: box.w - 2 * PAD_X, h: box.h - 2 * PAD_Y });
      return;
    }
    const size = c.size ?? BASE_SIZE;
    const lh = this.lineHeight(size);
    const align = c.align ?? (c.kind === 'label' ? 'center' : 'left');
    const top = valign === 'top' ? box.y + PAD_Y : box.y + (box.h - lines.length * lh) / 2;
    lines.forEach((line, i) => {
      this.textLine(line, box.x + PAD_X, top + i * lh, box.w - 2 * PAD_X, { size, bold: c.bold || c.kind === 'label', align });
    });
  }

  /** One line of text in a line box of height lineHeight(size) whose top is `y`, never wrapped. */
  textLine(text: string, x: number, y: number, width: number, o: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): void {
    const size = o.size ?? BASE_SIZE;
    const w = this.textWidth(text, size, o.bold ?? false);
    const dx = o.align === 'center' ? (width - w) / 2 : o.align === 'right' ? width - w : 0;
    // the baseline sits so that a Chinese character (about 0.88 em above and 0.12 em below it)
    // is centred in the line box
    const baseline = y + this.lineHeight(size) / 2 + size * 0.38;
    this.doc.font(o.bold ? FONT_BOLD : FONT).fontSize(size).fillColor('#000')
      .text(text, x + dx, baseline, { lineBreak: false, baseline: 'alphabetic' });
  }

  /** A check box drawn with lines (no font glyph needed), ticked or empty; returns its width. */
  checkBox(x: number, lineTop: number, checked: boolean, size = BASE_SIZE): number {
    const s = size * 0.95;
    const y = lineTop + (this.lineHeight(size) - s) / 2;
    const { doc } = this;
    doc.save().lineWidth(0.7).strokeColor('#000').rect(x, y, s, s).stroke();
    if (checked) {
      doc.lineWidth(1.2).moveTo(x + s * 0.18, y + s * 0.52).lineTo(x + s * 0.42, y + s * 0.78).lineTo(x + s * 0.86, y + s * 0.2).stroke();
    }
    doc.restore();
    return s;
  }

  /** A line of check boxes with their captions, e.g. □因病致困 □子女上学致困; wraps when too wide. */
  options(items: { label: string; checked: boolean }[], box: Box, gap = 14): number {
    const lh = this.lineHeight();
    let x = box.x;
    let y = box.y;
    for (const it of items) {
      const w = BASE_SIZE + 2 + this.textWidth(it.label);
      if (x > box.x && x + w > box.x + box.w) { x = box.x; y += lh; }
      const s = this.checkBox(x, y, it.checked);
      this.textLine(it.label, x + s + 2, y, w);
      x += w + gap;
    }
    return y + lh - box.y;
  }

  /** The height `options` needs in a box of this width. */
  optionsHeight(items: { label: string }[], width: number, gap = 14): number {
    let x = 0;
    let lines = 1;
    for (const it of items) {
      const w = BASE_SIZE + 2 + this.textWidth(it.label);
      if (x > 0 && x + w > width) { x = 0; lines++; }
      x += w + gap;
    }
    return lines * this.lineHeight();
  }

  /** A section heading above the table (一、… 二、…), kept on the page with the row after it. */
  heading(text: string, keepWith = 2 * MIN_ROW): void {
    const h = this.lineHeight(11) + 6;
    this.ensure(h + keepWith);
    this.textLine(text, this.left, this.y + 3, this.width, { size: 11, bold: true });
    this.y += h;
  }

  space(h: number): void {
    this.y = Math.min(this.y + h, this.opts.bottom);
  }
}
