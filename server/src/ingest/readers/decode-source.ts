/**
 * Turns the bytes of a corpus file into text, or says why it is skipped.
 * Pure: the Node corpus reads the bytes, this decides what they are.
 */
import { decodeWindows1252 } from './windows-1252';

export type DecodeResult = { ok: true; text: string; note?: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/** Share of control characters (other than tab, CR, LF, FF) above which a file is binary. */
const MAX_CONTROL_SHARE = 0.05;

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** Decodes UTF-8 (with or without BOM), UTF-16 with a BOM, or falls back to Windows-1252; rejects binary and empty files. */
export function decodeSource(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: `larger than sourced.corpus.maxFileSizeKb (${Math.round(bytes.length / 1024)} KB > ${Math.round(maxBytes / 1024)} KB)`,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: utf16le.decode(bytes.subarray(2)), note: 'decoded as UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: utf16be.decode(bytes.subarray(2)), note: 'decoded as UTF-16BE' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: 'binary file (NUL or control bytes)' };
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return { ok: true, text: decodeWindows1252(body), note: 'not valid UTF-8; decoded as Windows-1252' };
  }
  if (text.trim().length === 0) return { ok: false, reason: 'no text (only whitespace)' };
  return { ok: true, text };
}
