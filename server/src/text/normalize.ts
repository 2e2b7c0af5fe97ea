/**
 * Text normalisation shared by every matcher: the same folding must be applied
 * to corpus text and to what the writer types, or matches silently fail.
 */

const QUOTE_FOLD: Record<string, string> = {
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u02bc': "'",
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00a0': ' ',
};
const QUOTE_FOLD_RE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2032\u02bc\u2013\u2014\u2212\u00a0]/g;
const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;

/** Folds curly quotes, apostrophes and dashes to their ASCII forms, keeping string length. */
export function foldPunctuation(text: string): string {
  return text.replace(QUOTE_FOLD_RE, (c) => QUOTE_FOLD[c] ?? c);
}

/** Removes diacritics ("Gödel" → "Godel"); may change string length. */
export function stripDiacritics(text: string): string {
  // Fast path: most corpus text is ASCII and needs no NFD pass.

  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text.normalize('NFD').replace(COMBINING_MARKS_RE, '');
}

/** Lower-cases, strips diacritics, folds punctuation and collapses whitespace: the key for equality of names and quotes. */
export function normalizeForMatch(text: string): string {
  return stripDiacritics(foldPunctuation(text)).toLowerCase().replace(/\s+/g, ' ').trim();
}
