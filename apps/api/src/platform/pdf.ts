/**
 * A small A4 text layout on pdf-lib: wrapped paragraphs, page breaks, fixed-width table rows and
 * embedded PNG images. Standard PDF fonts are WinAnsi, so text is folded to printable ASCII.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

const A4: [number, number] = [595, 842];
const MARGIN = 56;
const TOP = 790;
const BOTTOM = 60;
const WIDTH = A4[0] - 2 * MARGIN;

export const pdfText = (s: string) => s.normalize('NFKD').replace(/[^\x20-\x7e\n]/g, '');

export type TextOptions = { bold?: boolean; size?: number; gap?: number };

export class PdfWriter {
  private page!: PDFPage;
  private y = TOP;

  private constructor(readonly doc: PDFDocument, private readonly font: PDFFont, private readonly bold: PDFFont) {
    this.newPage();
  }

  static async create(meta: { title: string }): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(pdfText(meta.title));
    doc.setCreator('Netra');
    doc.setProducer('Netra');
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  /** A table header drawn again at the top of every following page (`tableHeader`). */
  private header: { cells: string[]; widths: number[] } | null = null;

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = TOP;
    if (this.header) this.drawRow(this.header.cells, this.header.widths, { bold: true });
  }

  private ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Writes wrapped paragraphs (one per line of `text`). */
  text(text: string, opts: TextOptions = {}) {
    const size = opts.size ?? 10;
    const f = opts.bold ? this.bold : this.font;
    for (const para of pdfText(text).split('\n')) {
      let line = '';
      const flush = () => {
        this.ensure(size);
        this.page.drawText(line, { x: MARGIN, y: this.y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
        this.y -= size + 4;
        line = '';
      };
      for (const w of para.split(' ')) {
        const next = line ? `${line} ${w}` : w;
        if (line && f.widthOfTextAtSize(next, size) > WIDTH) {
          flush();
          line = w;
        } else line = next;
      }
      flush();
    }
    this.y -= opts.gap ?? 4;
  }

  field(label: string, value: string | null | undefined) {
    this.text(`${label}: ${value ?? '-'}`);
  }

  /** A table's header row, repeated at the top of each page the table continues on. */
  tableHeader(cells: string[], widths: number[]) {
    this.header = { cells, widths };
    this.row(cells, widths, { bold: true });
  }

  /** One table row; `widths` are fractions of the text width; a cell too long for its column wraps onto more lines. */
  row(cells: string[], widths: number[], opts: TextOptions = {}) {
    const size = opts.size ?? 8;
    const lines = Math.max(1, ...cells.map((cell, i) => this.wrap(cell, (widths[i] ?? 0) * WIDTH - 4, size, opts.bold).length));
    this.ensure(lines * (size + 2));
    this.drawRow(cells, widths, opts);
  }

  private wrap(cell: string, width: number, size: number, bold?: boolean): string[] {
    const f = bold ? this.bold : this.font;
    const out: string[] = [];
    let line = '';
    for (const word of pdfText(cell).replace(/\n/g, ' ').split(' ')) {
      let w = word;
      // a word wider than the column is broken where it must be
      while (f.widthOfTextAtSize(w, size) > width && w.length > 1) {
        let cut = w.length - 1;
        while (cut > 1 && f.widthOfTextAtSize(w.slice(0, cut), size) > width) cut -= 1;
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      const next = line ? `${line} ${w}` : w;
      if (line && f.widthOfTextAtSize(next, size) > width) {
        out.push(line);
        line = w;
      } else line = next;
    }
    if (line || !out.length) out.push(line);
    return out;
  }

  private drawRow(cells: string[], widths: number[], opts: TextOptions = {}) {
    const size = opts.size ?? 8;
    const f = opts.bold ? this.bold : this.font;
    let x = MARGIN;
    let height = 1;
    cells.forEach((cell, i) => {
      const lines = this.wrap(cell, (widths[i] ?? 0) * WIDTH - 4, size, opts.bold);
      lines.forEach((l, k) => this.page.drawText(l, { x, y: this.y - k * (size + 2), size, font: f, color: rgb(0.1, 0.1, 0.1) }));
      height = Math.max(height, lines.length);
      x += (widths[i] ?? 0) * WIDTH;
    });
    this.y -= height * (size + 2) + 2;
  }

  /** Draws a PNG at the left margin, `size` points square. */
  async image(png: Uint8Array, size: number) {
    const img = await this.doc.embedPng(png);
    this.ensure(size);
    this.page.drawImage(img, { x: MARGIN, y: this.y - size, width: size, height: size });
    this.y -= size + 8;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}
