import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PDF_STREAM_MAX_BYTES, PDF_TOTAL_MAX_BYTES, strippedPdf } from './pdf-copy.ts';

/** A one-page PDF whose page content is `content`, stored with FlateDecode. */
async function pdfWithContent(contents: Buffer[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Bukti', { x: 20, y: 100, size: 12, font });
  for (const content of contents) {
    const ref = doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: 0 }), zlib.deflateSync(content, { level: 9 })));
    page.node.addContentStream(ref);
  }
  for (const [, obj] of doc.context.enumerateIndirectObjects()) if (obj instanceof PDFRawStream) obj.dict.set(PDFName.of('Length'), doc.context.obj(obj.getContentsSize()));
  return doc.save({ useObjectStreams: false });
}

describe('the shareable PDF copy', () => {
  it('is made for an ordinary document', async () => {
    const copy = await strippedPdf(await pdfWithContent([Buffer.from('q 1 0 0 1 0 0 cm Q\n'.repeat(100))]));
    expect(copy).not.toBeNull();
    expect((await PDFDocument.load(copy!)).getPageCount()).toBe(1);
  });

  it('is not made (no copy: the original with a reason) for a content stream that inflates past the limit, and the server inflates no more than the limit', async () => {
    // 1 MB of upload that inflates to 1 GiB would hold the event loop for tens of seconds
    const bomb = await pdfWithContent([Buffer.alloc(PDF_STREAM_MAX_BYTES + 1024, 0x20)]);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(await strippedPdf(bomb)).toBeNull();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(PDF_TOTAL_MAX_BYTES + 32 * 2 ** 20);
  });

  it('counts all content streams of a file against one limit', async () => {
    const part = Buffer.alloc(PDF_STREAM_MAX_BYTES - 1024, 0x20);
    const many = await pdfWithContent(Array.from({ length: Math.ceil(PDF_TOTAL_MAX_BYTES / part.length) + 1 }, () => part));
    expect(await strippedPdf(many)).toBeNull();
    // under the limit the same pieces are fine
    expect(await strippedPdf(await pdfWithContent([part]))).not.toBeNull();
  });
});
