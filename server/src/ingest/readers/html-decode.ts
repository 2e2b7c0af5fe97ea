import { decodeWindows1252, isWindows1252Label } from './windows-1252';

/** Decodes an HTML file's bytes: BOM, then `<meta charset>` in the first 2 KB, then UTF-8, else Windows-1252. */
export function decodeHtml(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const label = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (label && isWindows1252Label(label)) return { text: decodeWindows1252(bytes) };
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return { text: new TextDecoder(label).decode(bytes) };
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: decodeWindows1252(bytes), note: 'not valid UTF-8; decoded as Windows-1252' };
  }
}
