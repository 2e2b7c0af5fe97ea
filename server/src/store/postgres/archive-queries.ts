/**
 * Text-search queries of the archive, built from untrusted text: every word is reduced to letters and digits
 * before it reaches to_tsquery, so no input can inject tsquery operators (and the text travels as a parameter).
 */
import { STOPWORDS } from '../../text/tokenize';

const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Lower-cased letter/digit runs of a text, in order. */
export function queryTokens(text: string): string[] {
  return (text.toLowerCase().match(TOKEN_RE) ?? []).filter((t) => t.length <= 64);
}

/**
 * A tsquery (simple configuration) for a typed quotation fragment: every complete content word, and the last
 * word as a prefix when it may be unfinished. Function words are left out unless there is nothing else.
 */
export function quoteQuery(typed: string): string | null {
  const tokens = queryTokens(typed);
  if (tokens.length === 0) return null;
  const lastPartial = /[\p{L}\p{N}]$/u.test(typed);
  const last = lastPartial ? (tokens.pop() ?? null) : null;
  // Single letters ("s" of "it's") match almost every quotation: left out like function words.
  const content = tokens.filter((t) => !STOPWORDS.has(t) && t.length > 1);
  // A one- or two-letter prefix (or a function word) expands to thousands of lexemes at scale: such a last word is
  // used only when nothing else was typed.
  const lastUsable = last !== null && !STOPWORDS.has(last) && last.length >= 3;
  const full = content.length || lastUsable ? content : tokens;
  const parts = [...new Set(full)].slice(0, 8);
  if (last && (lastUsable || parts.length === 0)) parts.push(`${last}:*`);
  return parts.length ? parts.join(' & ') : null;
}

/**
 * A tsquery (english configuration) that a passage matches when it holds at least two of the sentence's most
 * distinctive words (figures of two or more characters, then the longest words): narrow enough for a GIN index to answer at scale.
 */
export function passageQuery(sentence: string, maxWords = 6): string | null {
  const seen = new Set<string>();
  // A one-digit figure ("1", a list number, a section number) is in a passage of almost every source: it neither
  // counts as distinctive nor is searched (at 100,000 articles it made one claim's lookup read 5,000 passages).
  const figure = (t: string): boolean => /\d/.test(t) && t.length >= 2;
  const words = queryTokens(sentence).filter(
    (t) => !STOPWORDS.has(t) && (t.length >= 3 || figure(t)) && !/^\d$/.test(t) && !seen.has(t) && seen.add(t),
  );
  const picked = words
    .map((w, i) => ({ w, i, score: (figure(w) ? 100 : 0) + w.length }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, maxWords)
    .map((x) => x.w);
  if (picked.length === 0) return null;
  if (picked.length === 1) return picked[0];
  const pairs: string[] = [];
  for (let a = 0; a < picked.length; a++) for (let b = a + 1; b < picked.length; b++) pairs.push(`(${picked[a]} & ${picked[b]})`);
  return pairs.join(' | ');
}
