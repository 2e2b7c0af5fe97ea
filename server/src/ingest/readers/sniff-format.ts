import type { SourceFormat } from '../../domain/source-text';

/** The format a file name asks for, by extension; null for a file Sourced does not read. */
export function formatOfPath(path: string): SourceFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
    case 'md':
    case 'markdown':
    case 'text':
      return 'text';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    default:
      return null;
  }
}

/** Whether a file needs a format reader (and so the worker pool) rather than the plain-text decoder. */
export function needsReader(path: string): boolean {
  const format = formatOfPath(path);
  return format !== null && format !== 'text';
}

/** Formats recognisable by their first bytes, whatever the file is called. */
function magicFormat(bytes: Uint8Array): string | null {
  const at = (i: number, ...xs: number[]): boolean => xs.every((x, k) => bytes[i + k] === x);
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'ZIP';
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'PNG';
  if (at(0, 0xff, 0xd8, 0xff)) return 'JPEG';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'GIF';
  if (at(0, 0x1f, 0x8b)) return 'gzip';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0)) return 'legacy Office (OLE)';
  if (at(0, 0x7f, 0x45, 0x4c, 0x46)) return 'ELF executable';
  return null;
}

/** Whether the first KB holds a NUL byte: text formats never do (UTF-16 aside, handled by the text reader). */
function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Checks that the content is what the extension says; returns the reason to skip the file on a mismatch,
 * or null when it matches. PDF: `%PDF-` within the first KB (as readers allow); DOCX: a ZIP; HTML: no
 * binary signature, no NUL bytes, and a tag near the start.
 */
export function contentMismatch(format: SourceFormat, bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'empty file';
  const magic = magicFormat(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (format === 'pdf') return head.includes('%PDF-') ? null : `named .pdf but the content is ${magic ?? 'not a PDF'}`;
  if (format === 'docx') return magic === 'ZIP' ? null : `named .docx but the content is ${magic ?? 'not a Word (ZIP) document'}`;
  if (format === 'html') {
    if (magic) return `named .html but the content is ${magic}`;
    if (hasNul(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return 'named .html but the content is binary';
    }
    // UTF-16 text (with its BOM) holds NUL bytes between ASCII letters: the HTML reader decodes it first.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
    const start = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    return /<(?:!doctype|html|head|body|meta|title|div|p|article)\b/i.test(start) ? null : 'named .html but the content has no HTML tags';
  }
  return null;
}
