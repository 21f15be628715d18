/**
 * Which evidence files Netra accepts, by what their bytes are (never by their name), and how
 * large. Scripts and markup (SVG, HTML, JS) and executables are refused: they could run in a
 * handler's browser. Pure.
 */
export type Msg = { id: string; en: string };

/**
 * `strip` says how a shareable copy without location or device metadata is made: `image`
 * re-encoded pixels, `pdf` pages rebuilt with their photos re-encoded (or no copy when that cannot
 * be done safely), `plain` the format has no place for metadata (the copy is the original), `none`
 * the container carries metadata Netra cannot remove (MP4/MOV location and device atoms, ID3 and
 * Vorbis tags): there is no shareable copy, only the sealed original opened with a reason.
 */
export type StripKind = 'image' | 'pdf' | 'plain' | 'none';

export const EVIDENCE_TYPES: Readonly<Record<string, { label: string; maxBytes: number; extensions: readonly string[]; strip: StripKind }>> = {
  'image/jpeg': { label: 'JPEG', maxBytes: 25 * 2 ** 20, extensions: ['jpg', 'jpeg'], strip: 'image' },
  'image/png': { label: 'PNG', maxBytes: 25 * 2 ** 20, extensions: ['png'], strip: 'image' },
  'image/webp': { label: 'WebP', maxBytes: 25 * 2 ** 20, extensions: ['webp'], strip: 'image' },
  'application/pdf': { label: 'PDF', maxBytes: 25 * 2 ** 20, extensions: ['pdf'], strip: 'pdf' },
  'video/mp4': { label: 'MP4', maxBytes: 200 * 2 ** 20, extensions: ['mp4', 'm4v'], strip: 'none' },
  'video/quicktime': { label: 'MOV', maxBytes: 200 * 2 ** 20, extensions: ['mov'], strip: 'none' },
  'audio/mpeg': { label: 'MP3', maxBytes: 50 * 2 ** 20, extensions: ['mp3'], strip: 'none' },
  'audio/mp4': { label: 'M4A', maxBytes: 50 * 2 ** 20, extensions: ['m4a'], strip: 'none' },
  'audio/ogg': { label: 'OGG', maxBytes: 50 * 2 ** 20, extensions: ['ogg', 'opus'], strip: 'none' },
  'text/plain': { label: 'teks', maxBytes: 2 * 2 ** 20, extensions: ['txt'], strip: 'plain' },
};

/** The largest file any type allows: the streaming limit before the type is known. */
export const MAX_EVIDENCE_BYTES = Math.max(...Object.values(EVIDENCE_TYPES).map((t) => t.maxBytes));

export type UploadCheck = { ok: true; mime: string } | { ok: false; code: string; message: Msg };

const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

export function checkUpload(input: { fileName: string; sniffedMime: string | null; sniffedLabel: string | null; size: number; looksLikeMarkup: boolean }): UploadCheck {
  const name = input.fileName.slice(0, 120);
  if (input.size === 0) return { ok: false, code: 'EVIDENCE_EMPTY', message: { id: `${name} kosong.`, en: `${name} is empty.` } };
  if (input.looksLikeMarkup)
    return { ok: false, code: 'EVIDENCE_TYPE_NOT_ALLOWED', message: { id: `${name} berisi markah/skrip (HTML, SVG atau JavaScript) yang tidak diterima.`, en: `${name} contains markup or script (HTML, SVG or JavaScript), which is not accepted.` } };
  const mime = input.sniffedMime;
  const spec = mime ? EVIDENCE_TYPES[mime] : undefined;
  if (!mime || !spec) {
    const what = input.sniffedLabel ?? 'tidak dikenal / unknown';
    return { ok: false, code: 'EVIDENCE_TYPE_NOT_ALLOWED', message: { id: `${name}: jenis berkas ${what} tidak diterima (foto, PDF, video, audio atau teks).`, en: `${name}: file type ${what} is not accepted (photo, PDF, video, audio or text).` } };
  }
  const ext = input.fileName.toLowerCase().match(/\.([a-z0-9]{1,5})$/)?.[1];
  if (ext && !spec.extensions.includes(ext) && Object.values(EVIDENCE_TYPES).some((t) => t.extensions.includes(ext)))
    return { ok: false, code: 'EVIDENCE_DISGUISED', message: { id: `${name} sebenarnya berkas ${spec.label}, bukan .${ext}.`, en: `${name} is really a ${spec.label} file, not .${ext}.` } };
  if (input.size > spec.maxBytes)
    return { ok: false, code: 'EVIDENCE_TOO_LARGE', message: { id: `${name} lebih besar dari ${mb(spec.maxBytes)} untuk ${spec.label}.`, en: `${name} is larger than ${mb(spec.maxBytes)} for ${spec.label}.` } };
  return { ok: true, mime };
}

/**
 * The name a stored file is kept and downloaded under: the sender's name (any folder part and
 * characters a download name should not carry removed) ending in an extension of the type its
 * bytes really are. A misleading extension (.exe, .svg, .html on a photo or a text) is replaced,
 * a missing one added: `photo.exe` -> `photo.jpg`, `catatan.html` -> `catatan.txt`.
 */
export function storedFileName(fileName: string, mime: string): string {
  const spec = EVIDENCE_TYPES[mime];
  const base = [...(fileName.split(/[\\/]/).pop() ?? '').normalize('NFC')]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!spec) return base.slice(0, 200) || 'berkas';
  const ext = base.match(/.\.([A-Za-z0-9]{1,10})$/)?.[1];
  if (ext && spec.extensions.includes(ext.toLowerCase())) return base.length <= 200 ? base : `${base.slice(0, 199 - ext.length).replace(/[.\s]+$/, '')}.${ext}`;
  const stem = (ext ? base.slice(0, -ext.length - 1) : base).slice(0, 190).replace(/[.\s]+$/, '') || 'bukti';
  return `${stem}.${spec.extensions[0]}`;
}

/** What `/evidence/:id/copy` gives for a file: a stripped copy, the original (no metadata in the format), or nothing. */
export type CopyKind = 'stripped' | 'original' | 'none';
export function copyKindOf(mime: string, hasStrippedCopy: boolean): CopyKind {
  if (hasStrippedCopy) return 'stripped';
  return EVIDENCE_TYPES[mime]?.strip === 'plain' ? 'original' : 'none';
}
