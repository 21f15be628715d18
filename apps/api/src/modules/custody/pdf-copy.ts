/**
 * A PDF copy that can be shared without the reporter's location or device: the pages are rebuilt
 * in a new document (document info, XMP, attachments, scripts, forms, outlines, earlier revisions
 * and unreferenced objects stay behind), what pages carry besides their content is dropped
 * (annotations, XMP, thumbnails, piece info, article beads), ICC profiles become the device colour
 * space of their channel count, and every JPEG photo is re-encoded without its EXIF/XMP/IPTC.
 *
 * When a file holds something this cannot make clean (an encrypted PDF, a JPEG 2000 or CMYK JPEG
 * image, an inline JPEG in a content stream, a stream stored outside the file, an unknown filter),
 * there is no shareable copy at all (`null`): the sealed original is then opened with a reason. A
 * copy is never called stripped when it might not be.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import zlib from 'node:zlib';

/**
 * Decompression limits: a 1 MB upload can inflate to gigabytes (a "zip bomb" in a content stream) and
 * hold the server for as long as it takes. Past these limits there is no copy (the original stays the
 * evidence, opened with a reason), and the server never inflates more than this per file.
 */
export const PDF_STREAM_MAX_BYTES = 16 * 2 ** 20;
export const PDF_TOTAL_MAX_BYTES = 64 * 2 ** 20;
/** Filters other than Flate are decoded by pdf-lib, which has no output limit: only small streams (LZW expands at most ~2,700x). */
const OTHER_FILTER_MAX_INPUT = 16 * 1024;

/** Keys that hold metadata, history, scripts, attachments or external references rather than what a page shows. */
const DROP_KEYS = ['Metadata', 'PieceInfo', 'LastModified', 'Thumb', 'AA', 'JS', 'OPI', 'B', 'AF', 'Annots', 'EmbeddedFiles', 'EF', 'Ref', 'ID', 'SpiderInfo', 'URLS'].map((k) => PDFName.of(k));
/** Filters whose data is only samples (no place for EXIF or XMP). */
const PLAIN_FILTERS = new Set(['FlateDecode', 'Fl', 'LZWDecode', 'LZW', 'RunLengthDecode', 'RL', 'CCITTFaxDecode', 'CCF', 'JBIG2Decode', 'ASCIIHexDecode', 'AHx', 'ASCII85Decode', 'A85']);
const DEVICE_BY_N: Record<number, string> = { 1: 'DeviceGray', 3: 'DeviceRGB', 4: 'DeviceCMYK' };

class Unclean extends Error {}

const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);

export async function strippedPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  const src = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  if (src.isEncrypted) return null;
  try {
    return await rebuild(src);
  } catch {
    // something that cannot be made clean (Unclean), an embedded image sharp cannot read, a stream
    // pdf-lib cannot decode: no copy; the original stays the evidence
    return null;
  }
}

async function rebuild(src: PDFDocument): Promise<Uint8Array> {
  for (const page of src.getPages()) for (const k of DROP_KEYS) page.node.delete(k);
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
  const ctx = out.context;

  // an ICC profile may name the scanner or camera that made it: use the device space of its channel count
  const deviceSpace = (o: PDFObject): PDFName | undefined => {
    const arr = o instanceof PDFRef ? ctx.lookup(o) : o;
    if (!(arr instanceof PDFArray) || nameOf(arr.get(0)) !== 'ICCBased') return undefined;
    const profile = ctx.lookup(arr.get(1));
    const n = profile instanceof PDFStream ? profile.dict.lookup(PDFName.of('N')) : undefined;
    const space = n instanceof PDFNumber ? DEVICE_BY_N[n.asNumber()] : undefined;
    if (!space) throw new Unclean('ICC profile without a usable channel count');
    return PDFName.of(space);
  };
  const clean = (o: PDFObject) => {
    const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined;
    if (dict) {
      for (const k of DROP_KEYS) dict.delete(k);
      if (o instanceof PDFStream && (dict.has(PDFName.of('F')) || dict.has(PDFName.of('FFilter')))) throw new Unclean('stream data outside the file');
      for (const [k, v] of dict.entries()) {
        const device = v instanceof PDFArray ? deviceSpace(v) : undefined;
        if (device) dict.set(k, device);
        else if (v instanceof PDFDict || v instanceof PDFArray) clean(v);
      }
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) {
        const v = o.get(i);
        const device = v instanceof PDFArray ? deviceSpace(v) : undefined;
        if (device) o.set(i, device);
        else if (v instanceof PDFDict || v instanceof PDFArray) clean(v);
      }
    }
  };
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const device = obj instanceof PDFArray ? deviceSpace(obj) : undefined;
    if (device) ctx.assign(ref, device);
    else clean(obj);
  }
  removeUnreachable(out);

  let inflated = 0;
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFStream)) continue;
    if (!(obj instanceof PDFRawStream)) throw new Unclean('unexpected stream kind');
    const filters = filtersOf(ctx.lookup(obj.dict.get(PDFName.of('Filter'))));
    if (nameOf(obj.dict.lookup(PDFName.of('Subtype'))) === 'Image') {
      if (filters.length === 1 && filters[0] === 'DCTDecode') ctx.assign(ref, PDFRawStream.of(obj.dict, await reencodeJpeg(out, obj)));
      else if (!filters.every((f) => PLAIN_FILTERS.has(f))) throw new Unclean(`image filter ${filters.join(', ')}`);
    } else {
      // content streams may hold inline images; a JPEG among them would keep its EXIF
      const data = decodeCapped(obj, filters, PDF_TOTAL_MAX_BYTES - inflated);
      inflated += data.length;
      const text = Buffer.from(data).toString('latin1');
      if (/\/(DCT|JPX)/.test(text) && /(^|\s)BI\s/.test(text)) throw new Unclean('inline JPEG image');
    }
  }
  return out.save({ updateFieldAppearances: false, addDefaultPage: false });
}

/** A content stream's bytes, inflated within the per-stream and remaining per-file limits, else Unclean. */
function decodeCapped(obj: PDFRawStream, filters: string[], budget: number): Uint8Array {
  const raw = obj.getContents();
  if (filters.length === 0) return raw;
  const limit = Math.min(PDF_STREAM_MAX_BYTES, budget);
  if (filters.length === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl')) {
    try {
      return zlib.inflateSync(raw, { maxOutputLength: Math.max(limit, 1) });
    } catch (err) {
      // a stream cut short is read as far as it goes elsewhere; one that would pass the limit has no copy
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || (err as Error).message?.includes('maxOutputLength') || (err as RangeError).name === 'RangeError')
        throw new Unclean('content stream inflates past the limit');
      return zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(limit, 1) });
    }
  }
  if (raw.length > OTHER_FILTER_MAX_INPUT) throw new Unclean(`large content stream with filters ${filters.join(', ')}`);
  const data = decodePDFRawStream(obj).decode();
  if (data.length > limit) throw new Unclean('content stream past the limit');
  return data;
}

function filtersOf(f: PDFObject | undefined): string[] {
  if (f === undefined) return [];
  if (f instanceof PDFName) return [f.decodeText()];
  if (f instanceof PDFArray) return f.asArray().map((x) => nameOf(x) ?? '?');
  return ['?'];
}

/** The pixels of an embedded JPEG again, with no metadata; only grey or RGB images of the declared size. */
async function reencodeJpeg(doc: PDFDocument, img: PDFRawStream): Promise<Uint8Array> {
  const d = img.dict;
  const space = nameOf(doc.context.lookup(d.get(PDFName.of('ColorSpace'))));
  const channels = space === 'DeviceGray' ? 1 : space === 'DeviceRGB' ? 3 : 0;
  if (!channels || d.has(PDFName.of('Decode'))) throw new Unclean(`JPEG in colour space ${space ?? '?'}`);
  const width = d.lookup(PDFName.of('Width'));
  const height = d.lookup(PDFName.of('Height'));
  const input = sharp(Buffer.from(img.getContents()), { failOn: 'error' });
  const meta = await input.metadata();
  if (meta.channels !== channels || !(width instanceof PDFNumber) || !(height instanceof PDFNumber) || meta.width !== width.asNumber() || meta.height !== height.asNumber())
    throw new Unclean('JPEG that does not match its image dictionary');
  // no .rotate(): a PDF draws the stored pixels whatever the EXIF orientation said
  const data = await (channels === 1 ? input.toColourspace('b-w') : input.toColourspace('srgb')).jpeg({ quality: 92 }).toBuffer();
  const check = await sharp(data).metadata();
  if (check.channels !== channels || check.exif || check.xmp || check.iptc || check.icc) throw new Unclean('re-encoded JPEG still carries metadata');
  return data;
}

/** Objects no longer reachable from the catalog (dropped keys, the old catalog's trees) are not written. */
function removeUnreachable(doc: PDFDocument) {
  const ctx = doc.context;
  const seen = new Set<string>();
  const visit = (o: PDFObject | undefined) => {
    if (o === undefined) return;
    if (o instanceof PDFRef) {
      if (seen.has(o.tag)) return;
      seen.add(o.tag);
      visit(ctx.lookup(o));
    } else if (o instanceof PDFStream) visit(o.dict);
    else if (o instanceof PDFDict) for (const [, v] of o.entries()) visit(v);
    else if (o instanceof PDFArray) for (const v of o.asArray()) visit(v);
  };
  visit(ctx.trailerInfo.Root);
  ctx.trailerInfo.Info = undefined;
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!seen.has(ref.tag)) ctx.delete(ref);
}
