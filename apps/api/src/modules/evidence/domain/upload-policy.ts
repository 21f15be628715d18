/**
 * Which evidence files Netra accepts and how large they may be. The decision rests on what the
 * bytes are (the sniffed type); the declared name and MIME type only count against the upload:
 * a name or type that claims something else than the content is a disguise. Markup and scripts
 * (SVG, HTML, XML, JavaScript) and programs are refused because they could run in a handler's
 * browser or machine. Pure: no I/O.
 */
import type { Msg } from '../../../platform/errors.ts';

const MiB = 2 ** 20;

/** Files in one family may stand for each other (a PNG saved as .jpg is harmless). */
export type EvidenceFamily = 'image' | 'document' | 'media' | 'text';
/** How a shareable copy is made: re-encoded image, rewritten PDF, or not at all. */
export type StripMethod = 'image' | 'pdf' | 'none';

export type EvidenceType = {
  /** Canonical MIME type, stored with the evidence. */
  mime: string;
  label: Msg;
  family: EvidenceFamily;
  maxBytes: number;
  extensions: readonly string[];
  /** MIME types that content sniffing (file-type) reports for this type. */
  sniffedAs: readonly string[];
  /** MIME types a browser or app may declare for this type. */
  declaredAs: readonly string[];
  strip: StripMethod;
};

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  { mime: 'image/jpeg', label: { id: 'foto JPEG', en: 'JPEG photo' }, family: 'image', maxBytes: 25 * MiB, extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], sniffedAs: ['image/jpeg'], declaredAs: ['image/jpeg', 'image/jpg', 'image/pjpeg'], strip: 'image' },
  { mime: 'image/png', label: { id: 'gambar PNG', en: 'PNG image' }, family: 'image', maxBytes: 25 * MiB, extensions: ['png'], sniffedAs: ['image/png'], declaredAs: ['image/png', 'image/x-png'], strip: 'image' },
  { mime: 'image/webp', label: { id: 'gambar WebP', en: 'WebP image' }, family: 'image', maxBytes: 25 * MiB, extensions: ['webp'], sniffedAs: ['image/webp'], declaredAs: ['image/webp'], strip: 'image' },
  // iPhones save HEIC by default; the original is kept, but the bundled image library may not
  // decode it, in which case no stripped copy can be made (see metadata.ts).
  { mime: 'image/heic', label: { id: 'foto HEIC', en: 'HEIC photo' }, family: 'image', maxBytes: 25 * MiB, extensions: ['heic', 'heif'], sniffedAs: ['image/heic', 'image/heif'], declaredAs: ['image/heic', 'image/heif'], strip: 'image' },
  { mime: 'application/pdf', label: { id: 'dokumen PDF', en: 'PDF document' }, family: 'document', maxBytes: 50 * MiB, extensions: ['pdf'], sniffedAs: ['application/pdf'], declaredAs: ['application/pdf', 'application/x-pdf'], strip: 'pdf' },
  { mime: 'video/mp4', label: { id: 'video MP4', en: 'MP4 video' }, family: 'media', maxBytes: 250 * MiB, extensions: ['mp4', 'm4v'], sniffedAs: ['video/mp4', 'video/x-m4v'], declaredAs: ['video/mp4', 'video/x-m4v'], strip: 'none' },
  { mime: 'video/quicktime', label: { id: 'video MOV', en: 'MOV video' }, family: 'media', maxBytes: 250 * MiB, extensions: ['mov', 'qt'], sniffedAs: ['video/quicktime'], declaredAs: ['video/quicktime'], strip: 'none' },
  { mime: 'audio/mpeg', label: { id: 'audio MP3', en: 'MP3 audio' }, family: 'media', maxBytes: 50 * MiB, extensions: ['mp3'], sniffedAs: ['audio/mpeg'], declaredAs: ['audio/mpeg', 'audio/mp3', 'audio/mpeg3', 'audio/x-mpeg-3'], strip: 'none' },
  { mime: 'audio/mp4', label: { id: 'audio M4A', en: 'M4A audio' }, family: 'media', maxBytes: 50 * MiB, extensions: ['m4a'], sniffedAs: ['audio/mp4', 'audio/x-m4a'], declaredAs: ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/aac'], strip: 'none' },
  { mime: 'audio/ogg', label: { id: 'audio OGG', en: 'OGG audio' }, family: 'media', maxBytes: 50 * MiB, extensions: ['ogg', 'oga', 'opus'], sniffedAs: ['audio/ogg', 'audio/ogg; codecs=opus', 'audio/opus'], declaredAs: ['audio/ogg', 'audio/opus', 'application/ogg'], strip: 'none' },
  { mime: 'text/plain', label: { id: 'berkas teks', en: 'plain text file' }, family: 'text', maxBytes: 2 * MiB, extensions: ['txt', 'text', 'log', 'csv'], sniffedAs: ['text/plain'], declaredAs: ['text/plain', 'text/csv'], strip: 'none' },
];

/** The streaming limit before the type is known: the largest any type allows. */
export const MAX_EVIDENCE_BYTES = Math.max(...EVIDENCE_TYPES.map((t) => t.maxBytes));

/** Names and types that can run code; refused whatever the bytes are. */
const SCRIPT_EXTENSIONS: readonly string[] = [
  'svg', 'svgz', 'html', 'htm', 'xhtml', 'shtml', 'mht', 'mhtml', 'xml', 'xsl', 'js', 'mjs', 'cjs', 'jsx', 'ts', 'vbs', 'vbe',
  'wsf', 'hta', 'ps1', 'sh', 'bash', 'php', 'py', 'pl', 'rb', 'exe', 'msi', 'bat', 'cmd', 'com', 'scr', 'pif', 'cpl', 'dll',
  'jar', 'apk', 'dmg', 'app', 'deb', 'rpm', 'elf', 'lnk', 'url', 'desktop', 'reg', 'iso',
];
const SCRIPT_MIMES: readonly string[] = [
  'image/svg+xml', 'text/html', 'application/xhtml+xml', 'application/xml', 'text/xml', 'application/javascript',
  'text/javascript', 'application/ecmascript', 'application/x-javascript', 'application/x-sh', 'application/x-msdownload',
  'application/x-msdos-program', 'application/x-ms-installer', 'application/x-msi', 'application/x-elf', 'application/x-executable',
  'application/x-mach-binary', 'application/vnd.microsoft.portable-executable', 'application/java-archive',
  'application/vnd.android.package-archive', 'application/x-apple-diskimage', 'application/x-httpd-php',
];

/** Names for what sniffing may find beyond the accepted types, for messages. */
const FOUND_LABELS: Readonly<Record<string, Msg>> = {
  'image/svg+xml': { id: 'gambar SVG (dapat memuat skrip)', en: 'SVG image (can carry scripts)' },
  'text/html': { id: 'halaman web HTML (dapat memuat skrip)', en: 'HTML web page (can carry scripts)' },
  'application/xhtml+xml': { id: 'halaman web XHTML (dapat memuat skrip)', en: 'XHTML web page (can carry scripts)' },
  'application/xml': { id: 'dokumen XML', en: 'XML document' },
  'application/javascript': { id: 'skrip JavaScript', en: 'JavaScript script' },
  'application/x-msdownload': { id: 'program Windows', en: 'Windows program' },
  'application/x-elf': { id: 'program Linux', en: 'Linux program' },
  'application/x-mach-binary': { id: 'program macOS', en: 'macOS program' },
  'application/zip': { id: 'arsip ZIP', en: 'ZIP archive' },
  'application/x-rar-compressed': { id: 'arsip RAR', en: 'RAR archive' },
  'application/vnd.rar': { id: 'arsip RAR', en: 'RAR archive' },
  'application/x-7z-compressed': { id: 'arsip 7z', en: '7z archive' },
  'application/gzip': { id: 'arsip GZIP', en: 'GZIP archive' },
  'application/x-tar': { id: 'arsip TAR', en: 'TAR archive' },
  'application/vnd.android.package-archive': { id: 'aplikasi Android', en: 'Android app' },
  'application/java-archive': { id: 'program Java', en: 'Java program' },
  'application/x-msi': { id: 'penginstal Windows', en: 'Windows installer' },
  'image/gif': { id: 'gambar GIF', en: 'GIF image' },
  'image/tiff': { id: 'gambar TIFF', en: 'TIFF image' },
  'image/bmp': { id: 'gambar BMP', en: 'BMP image' },
  'video/webm': { id: 'video WebM', en: 'WebM video' },
  'video/3gpp': { id: 'video 3GP', en: '3GP video' },
  'application/x-cfb': { id: 'dokumen Office lama', en: 'legacy Office document' },
};

const UNKNOWN: Msg = { id: 'berkas biner yang tidak dikenal', en: 'an unrecognised binary file' };

export type UploadRejectionCode = 'EVIDENCE_TYPE_NOT_ALLOWED' | 'EVIDENCE_TOO_LARGE' | 'EVIDENCE_DISGUISED' | 'EVIDENCE_EMPTY';
export type UploadRejection = { ok: false; code: UploadRejectionCode; message: Msg };
export type UploadTypeCheck = { ok: true; type: EvidenceType } | UploadRejection;
export type UploadCheck = { ok: true; type: EvidenceType; mime: string } | UploadRejection;

export type UploadTypeInput = {
  /** File name as sent by the client; never trusted, only compared. */
  declaredName: string;
  /** Content-Type as sent by the client, if any. */
  declaredMime?: string | null | undefined;
  /** What the bytes are (file-type, or the text fallback); null when nothing was recognised. */
  sniffedMime: string | null;
};
export type UploadInput = UploadTypeInput & { size: number };

export const findEvidenceType = (mime: string): EvidenceType | undefined => EVIDENCE_TYPES.find((t) => t.mime === normalizeMime(mime));
const typeBySniffed = (mime: string) => EVIDENCE_TYPES.find((t) => t.sniffedAs.includes(mime.toLowerCase().trim()) || t.mime === normalizeMime(mime));
const typeByExtension = (ext: string) => EVIDENCE_TYPES.find((t) => t.extensions.includes(ext));
const typeByDeclared = (mime: string) => EVIDENCE_TYPES.find((t) => t.declaredAs.includes(mime));

export function normalizeMime(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The client's file name made safe to echo: no folders, no control or bidirectional-override
 * characters (which can make "gpj.exe" look like "exe.jpg"), at most 80 characters.
 */
export function displayName(declaredName: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (declaredName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
  const name = cleaned || 'berkas';
  return name.length > 80 ? `${name.slice(0, 60)}…${name.slice(-19)}` : name;
}

/** The extension that an operating system would act on (Windows ignores trailing dots and spaces). */
export function declaredExtension(declaredName: string): string | null {
  const name = displayName(declaredName).replace(/[.\s]+$/, '').toLowerCase();
  return name.match(/\.([a-z0-9]{1,10})$/)?.[1] ?? null;
}

const mb = (bytes: number) => `${Math.floor(bytes / MiB)} MB`;
const describe = (mime: string | null): Msg => {
  if (!mime) return UNKNOWN;
  const t = typeBySniffed(mime);
  if (t) return t.label;
  return FOUND_LABELS[normalizeMime(mime)] ?? { id: `berkas ${normalizeMime(mime)}`, en: `a ${normalizeMime(mime)} file` };
};
const ACCEPTED: Msg = { id: 'foto (JPEG, PNG, WebP, HEIC), PDF, video (MP4, MOV), audio (MP3, M4A, OGG) atau teks', en: 'photos (JPEG, PNG, WebP, HEIC), PDF, video (MP4, MOV), audio (MP3, M4A, OGG) or plain text' };

function reject(code: UploadRejectionCode, message: Msg): UploadRejection {
  return { ok: false, code, message };
}

/** Type rules only (size unknown yet): used as soon as the first bytes of a stream are sniffed. */
export function checkUploadType(input: UploadTypeInput): UploadTypeCheck {
  const name = displayName(input.declaredName);
  const ext = declaredExtension(input.declaredName);
  const declared = input.declaredMime ? normalizeMime(input.declaredMime) : null;
  const found = describe(input.sniffedMime);
  const sniffedScript = input.sniffedMime !== null && SCRIPT_MIMES.includes(normalizeMime(input.sniffedMime));

  if ((ext && SCRIPT_EXTENSIONS.includes(ext)) || (declared && SCRIPT_MIMES.includes(declared)) || sniffedScript) {
    const what = sniffedScript ? found : { id: `berkas .${ext ?? declared}`, en: `a .${ext ?? declared} file` };
    return reject('EVIDENCE_TYPE_NOT_ALLOWED', {
      id: `${name} adalah ${what.id}. Halaman web, SVG, skrip dan program tidak diterima karena dapat menjalankan kode; kirim ${ACCEPTED.id}.`,
      en: `${name} is ${withArticle(what.en)}. Web pages, SVG, scripts and programs are not accepted because they can run code; send ${ACCEPTED.en}.`,
    });
  }

  const claimed = (ext ? typeByExtension(ext) : undefined) ?? (declared ? typeByDeclared(declared) : undefined);
  const type = input.sniffedMime ? typeBySniffed(input.sniffedMime) : undefined;
  if (!type) {
    if (claimed)
      return reject('EVIDENCE_DISGUISED', {
        id: `${name} sebenarnya ${found.id}, bukan ${claimed.label.id}.`,
        en: `${name} is really ${withArticle(found.en)}, not ${withArticle(claimed.label.en)}.`,
      });
    return reject('EVIDENCE_TYPE_NOT_ALLOWED', {
      id: `${name} adalah ${found.id} dan tidak diterima; kirim ${ACCEPTED.id}.`,
      en: `${name} is ${withArticle(found.en)}, which is not accepted; send ${ACCEPTED.en}.`,
    });
  }

  const byExt = ext ? typeByExtension(ext) : undefined;
  const byDeclared = declared ? typeByDeclared(declared) : undefined;
  const liar = [byExt, byDeclared].find((t) => t !== undefined && t.family !== type.family);
  if (liar)
    return reject('EVIDENCE_DISGUISED', {
      id: `${name} sebenarnya ${type.label.id}, bukan ${liar.label.id}.`,
      en: `${name} is really ${withArticle(type.label.en)}, not ${withArticle(liar.label.en)}.`,
    });
  return { ok: true, type };
}

export function rejectTooLarge(input: { declaredName: string; limitBytes: number; type?: EvidenceType | undefined }): UploadRejection {
  const name = displayName(input.declaredName);
  return reject('EVIDENCE_TOO_LARGE', {
    id: `${name} lebih besar dari batas ${mb(input.limitBytes)}${input.type ? ` untuk ${input.type.label.id}` : ''}.`,
    en: `${name} is larger than the ${mb(input.limitBytes)} limit${input.type ? ` for ${withArticle(input.type.label.en)}` : ''}.`,
  });
}

/** The whole decision once the upload is complete. */
export function checkUpload(input: UploadInput): UploadCheck {
  if (input.size === 0) {
    const name = displayName(input.declaredName);
    return reject('EVIDENCE_EMPTY', { id: `${name} kosong (0 bita); kirim ulang berkasnya.`, en: `${name} is empty (0 bytes); please send the file again.` });
  }
  const typed = checkUploadType(input);
  if (!typed.ok) return typed;
  if (input.size > typed.type.maxBytes) return rejectTooLarge({ declaredName: input.declaredName, limitBytes: typed.type.maxBytes, type: typed.type });
  return { ok: true, type: typed.type, mime: typed.type.mime };
}

function withArticle(noun: string): string {
  if (/^(a|an) /.test(noun)) return noun;
  return `${/^[aeiouAEIOU]|^(HTML|MP3|MP4|M4A|MOV|SVG|XML|XHTML)\b/.test(noun) ? 'an' : 'a'} ${noun}`;
}
