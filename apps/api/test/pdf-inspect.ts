/**
 * Reading back the PDFs Netra makes (tests only): the streams, the text pdf-lib draws with the
 * standard fonts, and the QR code of the first embedded image.
 */
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';

// jsqr is a CommonJS bundle exporting `default`: require it as such on every loader
const jsQR = (createRequire(import.meta.url)('jsqr') as typeof import('jsqr')).default;

/** Streams of a PDF, inflated. */
export async function pdfStreams(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  return doc.context.enumerateIndirectObjects().flatMap(([, o]) => {
    if (!(o instanceof PDFRawStream)) return [];
    const flate = o.dict.get(PDFName.of('Filter'))?.toString() === '/FlateDecode';
    return [{ dict: o.dict, data: flate ? zlib.inflateSync(o.contents) : Buffer.from(o.contents) }];
  });
}

/** The text drawn on the pages (pdf-lib writes standard-font text as <hex> strings). */
export async function pdfText(bytes: Uint8Array) {
  const streams = await pdfStreams(bytes);
  return streams
    .filter((s) => !s.dict.get(PDFName.of('Subtype')))
    .flatMap((s) => [...s.data.toString('latin1').matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')))
    .join('\n');
}

/** Decodes the QR code of the first image (pdf-lib stores an opaque PNG as raw, deflated RGB). */
export async function pdfQr(bytes: Uint8Array) {
  const img = (await pdfStreams(bytes)).find((s) => s.dict.get(PDFName.of('Subtype'))?.toString() === '/Image');
  if (!img) return null;
  const num = (k: string) => (img.dict.get(PDFName.of(k)) as PDFNumber).asNumber();
  const [w, h] = [num('Width'), num('Height')];
  const gray = img.dict.get(PDFName.of('ColorSpace'))?.toString() === '/DeviceGray';
  const rgba = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = img.data[gray ? i : i * 3 + k]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, w, h)?.data ?? null;
}
