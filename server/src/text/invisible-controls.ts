/**
 * Bidirectional-override and zero-width characters. Source text is untrusted: a planted U+202E (right-to-left
 * override) or U+200B in a quotation or a title would make a hover, a completion label or an inserted citation
 * read differently from what it is ("Trojan Source"). They are stripped from everything sent to the editor.
 */

/** Bidi embeddings, overrides, isolates and marks; zero-width space, joiners, word joiner and BOM. */
export const INVISIBLE_CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/g;

/** The text without bidi and zero-width control characters. */
export function stripInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS_RE, '');
}

/** The line break a text uses (its first one), `\n` when it has none. */
export function lineBreakOf(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** The text with every lone `\n` written as `\r\n`. */
export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
