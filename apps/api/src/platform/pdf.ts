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

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = TOP;
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

  /** One table row; `widths` are fractions of the text width; cells are cut to fit. */
  row(cells: string[], widths: number[], opts: TextOptions = {}) {
    const size = opts.size ?? 8;
    const f = opts.bold ? this.bold : this.font;
    this.ensure(size);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = (widths[i] ?? 0) * WIDTH - 4;
      let s = pdfText(cell).replace(/\n/g, ' ');
      while (s && f.widthOfTextAtSize(s, size) > w) s = s.slice(0, -2);
      this.page.drawText(s, { x, y: this.y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      x += (widths[i] ?? 0) * WIDTH;
    });
    this.y -= size + 4;
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
