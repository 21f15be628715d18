/**
 * What the first bytes of an upload really are. Binary formats come from file-type's magic
 * numbers; anything it does not know is plain text only when it is valid UTF-8 without control
 * characters, and text that a browser would take for markup is reported as HTML or SVG so the
 * policy refuses it.
 */
import { fileTypeFromBuffer } from 'file-type';

/** Bytes file-type needs to recognise the types we accept. */
export const SNIFF_BYTES = 4100;

// A browser sniffs markup from the start of a file; scripts anywhere in the head are refused too.
const LEADING_MARKUP = /^\s*<(?:!doctype\s+html|html|head|body|script|iframe|object|embed|style|meta|link|title|a\s|img|div|table|form|p[\s>]|br\b|b[\s>]|font|h1)/i;
const SCRIPT_ANYWHERE = /<\s*(?:script|iframe|object|embed)\b|\bjavascript\s*:|\bon(?:load|error|click|mouseover)\s*=/i;
const SVG = /<svg[\s>]/i;

export async function sniffContent(head: Uint8Array): Promise<{ mime: string | null }> {
  if (head.length === 0) return { mime: null };
  const found = await fileTypeFromBuffer(head);
  if (found) {
    if (found.mime === 'application/xml') return { mime: classifyMarkup(decodeLoose(head)) ?? 'application/xml' };
    return { mime: found.mime };
  }
  const text = decodeUtf8(head);
  if (text === null) return { mime: null };
  return { mime: classifyMarkup(text) ?? 'text/plain' };
}

function classifyMarkup(text: string): string | null {
  if (SVG.test(text)) return 'image/svg+xml';
  if (LEADING_MARKUP.test(text) || SCRIPT_ANYWHERE.test(text)) return 'text/html';
  return null;
}

/** Valid UTF-8 with few control characters, or null. The head may end inside a character. */
function decodeUtf8(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length / 100) return null;
  return text.replace(/^\ufeff/, '');
}

function decodeLoose(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
