/**
 * Windows-1252, decoded by hand: Node's TextDecoder('windows-1252') decodes as ISO-8859-1, so bytes
 * 0x80–0x9F (curly quotes, dashes, the euro sign, …) become invisible C1 controls and a saved page's
 * quotation marks vanish. WHATWG maps the labels `iso-8859-1`, `latin1` and `us-ascii` to this encoding too.
 */

/** Code points of bytes 0x80–0x9F (the five bytes Windows-1252 leaves undefined keep their C1 value). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const latin1 = new TextDecoder('latin1');

/** The text of Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]));
}

/** Whether an encoding label means Windows-1252 (by the WHATWG label table the TextDecoder knows). */
export function isWindows1252Label(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === 'windows-1252';
  } catch {
    return false;
  }
}
