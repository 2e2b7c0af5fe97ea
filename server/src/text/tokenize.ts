import { foldPunctuation, stripDiacritics } from './normalize';

/** Function words that carry no retrieval signal. Kept short on purpose: "not" and numbers matter for claims. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by for from had has have he her hers him his i if in into is it its ' +
    'of on or our ours she so than that the their theirs them then there these they this those to was we were ' +
    'what when where which while who whom why will with would you your also such just said says say told'
  ).split(' '),
);

const WORD_RE = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Words of a text, lower-cased and without diacritics, with their offsets in the original text. */
export function wordsWithOffsets(text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const m of foldPunctuation(text).matchAll(WORD_RE)) {
    out.push({ word: stripDiacritics(m[0]).toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Lower-cased words of a text without diacritics (possessive 's kept apart). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of foldPunctuation(text).matchAll(WORD_RE)) out.push(stripDiacritics(m[0]).toLowerCase());
  return out;
}

/** A light suffix stemmer: enough to match "refugees"/"refugee", "talks"/"talk", "killed"/"kill". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word.replace(/'s$/, '');
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

/** Retrieval terms of a text: words minus stopwords, stemmed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (!STOPWORDS.has(w)) out.push(stem(w));
  }
  return out;
}
