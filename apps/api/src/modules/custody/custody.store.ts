/**
 * Evidence storage with a chain of custody: the original is hashed (SHA-256) as it streams in,
 * sealed with AES-256-GCM under its own data key (wrapped by the master key, which never sits
 * beside the files) and never altered; a shareable copy without location or device metadata
 * (photos re-encoded, PDFs rebuilt by pdf-copy.ts) is sealed the same way when one can be made.
 * Files are kept under a name whose extension is the type their bytes really are.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import exifr from 'exifr';
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { AppError } from '../../platform/errors.ts';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, checkUpload, storedFileName } from './domain/upload-policy.ts';
import { strippedPdf } from './pdf-copy.ts';

export type SealInfo = { path: string; iv: string; tag: string; wrappedKey: string };
export type EvidenceMetadata = {
  takenAt?: string;
  gps?: { lat: number; lon: number };
  device?: { make?: string; model?: string };
  software?: string;
  pdf?: { author?: string; creator?: string; producer?: string; title?: string; createdAt?: string };
};
export type StoredEvidence = {
  id: string; fileName: string; mime: string; size: number; sha256: string; sealed: { original: SealInfo; shared: SealInfo | null };
  shareableSha256: string | null; shareableMime: string | null; stripped: boolean; metadata: EvidenceMetadata;
};

const tooLarge = (limit: number) =>
  new AppError(413, 'EVIDENCE_TOO_LARGE', { id: `Berkas lebih besar dari ${Math.round(limit / 2 ** 20)} MB.`, en: `File larger than ${Math.round(limit / 2 ** 20)} MB.` });

class LimitAndHash extends Transform {
  readonly hash = crypto.createHash('sha256');
  size = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limit) return cb(tooLarge(this.limit));
    this.hash.update(chunk);
    cb(null, chunk);
  }
}

function wrapKey(master: Buffer, dataKey: Buffer): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', master, iv);
  const ct = Buffer.concat([c.update(dataKey), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64');
}
function unwrapKey(master: Buffer, wrapped: string): Buffer {
  const b = Buffer.from(wrapped, 'base64');
  const d = crypto.createDecipheriv('aes-256-gcm', master, b.subarray(0, 12));
  d.setAuthTag(b.subarray(12, 28));
  return Buffer.concat([d.update(b.subarray(28)), d.final()]);
}

export async function seal(source: Readable, target: string, master: Buffer, aad: string): Promise<SealInfo> {
  const dataKey = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(aad));
  await pipeline(source, cipher, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
  return { path: target, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapKey(master, dataKey) };
}

/** Decrypts a sealed file; a changed byte fails the GCM tag check (EVIDENCE_TAMPERED). */
export function openSealed(info: SealInfo, master: Buffer, aad: string): Readable {
  const d = crypto.createDecipheriv('aes-256-gcm', unwrapKey(master, info.wrappedKey), Buffer.from(info.iv, 'base64'));
  d.setAAD(Buffer.from(aad));
  d.setAuthTag(Buffer.from(info.tag, 'base64'));
  const out = new Transform({
    transform(chunk: Buffer, _e, cb) {
      cb(null, d.update(chunk));
    },
    flush(cb) {
      try {
        cb(null, d.final());
      } catch {
        cb(new AppError(409, 'EVIDENCE_TAMPERED', { id: 'Berkas tersegel telah berubah (segel GCM tidak cocok).', en: 'The sealed file was altered (GCM seal mismatch).' }));
      }
    },
  });
  return fs.createReadStream(info.path).pipe(out);
}

/** Reads a sealed file whole and returns its SHA-256 (custody verification). */
export async function verifySealed(info: SealInfo, master: Buffer, aad: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const c of openSealed(info, master, aad)) h.update(c as Buffer);
  return h.digest('hex');
}

/** Markup a browser would render or run; a text file holding any of it is refused. */
const MARKUP = /<\s*(svg|html|script|!doctype|\?xml|iframe|frame|frameset|body|object|embed|img|style|link|meta|base|form|math|template)\b/i;
const HEAD_BYTES = 4100;

async function sniff(file: string): Promise<{ mime: string | null; label: string | null; markup: boolean }> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fd.read(head, 0, head.length, 0);
    const buf = head.subarray(0, bytesRead);
    const t = await fileTypeFromBuffer(buf);
    if (t) return { mime: t.mime, label: t.ext.toUpperCase(), markup: t.mime === 'image/svg+xml' || t.mime === 'application/xml' || t.mime === 'text/html' };
    if (buf.includes(0)) return { mime: null, label: null, markup: false };
    // a text file is read whole: markup after the first few kilobytes is markup all the same
    const size = (await fd.stat()).size;
    if (size > TEXT_SCAN_LIMIT) return { mime: 'text/plain', label: 'teks', markup: MARKUP.test(buf.toString('latin1')) };
    const all = Buffer.alloc(size);
    await fd.read(all, 0, size, 0);
    return { mime: 'text/plain', label: 'teks', markup: all.includes(0) || MARKUP.test(all.toString('latin1')) };
  } finally {
    await fd.close();
  }
}
/** Text larger than this is refused for its size anyway (EVIDENCE_TYPES text/plain), so only its head is read. */
const TEXT_SCAN_LIMIT = EVIDENCE_TYPES['text/plain']!.maxBytes;

export async function extractMetadata(file: string, mime: string): Promise<EvidenceMetadata> {
  try {
    if (EVIDENCE_TYPES[mime]?.strip === 'image') {
      const m = (await exifr.parse(file, { gps: true, tiff: true, exif: true })) as Record<string, unknown> | undefined;
      if (!m) return {};
      const taken = m.DateTimeOriginal ?? m.CreateDate;
      return {
        ...(taken instanceof Date ? { takenAt: taken.toISOString() } : {}),
        ...(typeof m.latitude === 'number' && typeof m.longitude === 'number' ? { gps: { lat: m.latitude, lon: m.longitude } } : {}),
        ...(m.Make || m.Model ? { device: { make: m.Make as string | undefined, model: m.Model as string | undefined } } : {}),
        ...(m.Software ? { software: String(m.Software) } : {}),
      };
    }
    if (mime === 'application/pdf') {
      const doc = await PDFDocument.load(await fs.promises.readFile(file), { ignoreEncryption: true, updateMetadata: false });
      return { pdf: { author: doc.getAuthor(), creator: doc.getCreator(), producer: doc.getProducer(), title: doc.getTitle(), createdAt: doc.getCreationDate()?.toISOString() } };
    }
  } catch {
    /* unreadable metadata is not an error: the file is still evidence */
  }
  return {};
}

/**
 * The copy handlers may pass on: photos re-encoded with no metadata, PDFs rebuilt (pdf-copy.ts),
 * or `null` when no copy free of location and device data can be made (video, audio, a PDF that
 * cannot be made clean); a text file needs none (its copy is the original).
 */
async function shareableCopy(file: string, mime: string): Promise<{ data: Buffer; mime: string } | null> {
  const kind = EVIDENCE_TYPES[mime]?.strip;
  if (kind === 'image') {
    // re-encoded without any metadata (sharp keeps none unless asked); orientation applied first
    const img = sharp(file, { failOn: 'error' }).rotate();
    const data = mime === 'image/png' ? await img.png().toBuffer() : mime === 'image/webp' ? await img.webp().toBuffer() : await img.jpeg({ quality: 92 }).toBuffer();
    return { data, mime };
  }
  if (kind === 'pdf') {
    const data = await strippedPdf(await fs.promises.readFile(file));
    return data ? { data: Buffer.from(data), mime } : null;
  }
  return null;
}

const STALE_TEMP_MS = 60 * 60_000;

/**
 * An upload is checked in a private temporary file (0600 in a 0700 directory) and removed once
 * sealed; a file left there by a crash would be an unsealed original, so older ones are erased.
 */
function purgeStaleTemp(dir: string, now = Date.now()) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      /* removed meanwhile by its own upload */
    }
  }
}

/**
 * Streams an upload in, checks it, seals the original and a stripped copy. Nothing is left behind on
 * refusal. A multipart file cut short at the parser's size limit (busboy's `limit` event and
 * `truncated` flag) is refused as too large, never kept as a shorter file. `coarseTime` sets the
 * sealed files' access and modification times to the day, so backups and copies of the evidence
 * directory carry no exact time; the inode's change time (and birth time, where the file system
 * keeps one) still records the moment of writing, which only someone with access to the server's
 * disk can read — the application never shows it.
 */
export async function receiveEvidence(opts: { root: string; masterKey: Buffer; stream: Readable; fileName: string; coarseTime?: Date }): Promise<StoredEvidence> {
  const id = crypto.randomUUID();
  for (const d of ['tmp', 'sealed', 'shared']) fs.mkdirSync(path.join(opts.root, d), { recursive: true, mode: 0o700 });
  purgeStaleTemp(path.join(opts.root, 'tmp'));
  const tmp = path.join(opts.root, 'tmp', id);
  const cleanup = () => fs.rmSync(tmp, { force: true });
  const source = opts.stream as Readable & { truncated?: boolean };
  let cut = false;
  const onLimit = () => (cut = true);
  source.on('limit', onLimit);
  const written: string[] = [];
  try {
    const meter = new LimitAndHash(MAX_EVIDENCE_BYTES);
    await pipeline(source, meter, fs.createWriteStream(tmp, { mode: 0o600 }));
    if (cut || source.truncated === true) throw tooLarge(MAX_EVIDENCE_BYTES);
    const sha256 = meter.hash.digest('hex');
    const sniffed = await sniff(tmp);
    const check = checkUpload({ fileName: opts.fileName, sniffedMime: sniffed.mime, sniffedLabel: sniffed.label, size: meter.size, looksLikeMarkup: sniffed.markup });
    if (!check.ok) throw new AppError(check.code === 'EVIDENCE_TOO_LARGE' ? 413 : 400, check.code, check.message);
    const fileName = storedFileName(opts.fileName, check.mime);
    const metadata = await extractMetadata(tmp, check.mime);
    let copy: Awaited<ReturnType<typeof shareableCopy>>;
    try {
      copy = await shareableCopy(tmp, check.mime);
    } catch {
      throw new AppError(400, 'EVIDENCE_MALFORMED', { id: `${opts.fileName} rusak dan tidak dapat dibaca.`, en: `${opts.fileName} is damaged and cannot be read.` });
    }
    written.push(path.join(opts.root, 'sealed', id));
    const original = await seal(fs.createReadStream(tmp), written[0]!, opts.masterKey, `${id}:original`);
    if (copy) written.push(path.join(opts.root, 'shared', id));
    const shared = copy ? await seal(Readable.from([copy.data]), written[1]!, opts.masterKey, `${id}:shared`) : null;
    if (opts.coarseTime) for (const f of written) fs.utimesSync(f, opts.coarseTime, opts.coarseTime);
    return {
      id, fileName, mime: check.mime, size: meter.size, sha256, sealed: { original, shared },
      shareableSha256: copy ? crypto.createHash('sha256').update(copy.data).digest('hex') : null, shareableMime: copy?.mime ?? null,
      stripped: copy !== null, metadata,
    };
  } catch (err) {
    for (const f of written) fs.rmSync(f, { force: true });
    throw err;
  } finally {
    source.off('limit', onLimit);
    cleanup();
  }
}

/** Removes the sealed files of an upload whose database row was not written. */
export function discardEvidence(stored: StoredEvidence) {
  fs.rmSync(stored.sealed.original.path, { force: true });
  if (stored.sealed.shared) fs.rmSync(stored.sealed.shared.path, { force: true });
}

/**
 * Makes the shareable copy of a stored PDF again from its sealed original (copies made before
 * pdf-copy.ts kept the EXIF of embedded photos). The new copy is sealed beside the old one, under a
 * new name; `null` when the PDF cannot be made clean (then it has no copy any more).
 */
export async function remakePdfCopy(opts: { root: string; masterKey: Buffer; id: string; original: SealInfo }): Promise<{ shared: SealInfo; sha256: string } | null> {
  const chunks: Buffer[] = [];
  for await (const c of openSealed(opts.original, opts.masterKey, `${opts.id}:original`)) chunks.push(c as Buffer);
  const data = await strippedPdf(Buffer.concat(chunks)).catch(() => null);
  if (!data) return null;
  const target = path.join(opts.root, 'shared', `${opts.id}.${crypto.randomBytes(4).toString('hex')}`);
  const shared = await seal(Readable.from([Buffer.from(data)]), target, opts.masterKey, `${opts.id}:shared`);
  return { shared, sha256: crypto.createHash('sha256').update(data).digest('hex') };
}
