/**
 * Sentence segmentation for news prose.
 *
 * A hand-written scanner rather than Intl.Segmenter: ICU splits after "U.S."
 * and "Dr." when a capital follows, and is several times slower, which matters
 * when 100,000 articles are indexed. The rules are tested in
 * test/unit/sentence-splitter.test.ts.
 */

import { CITATION_MARKER_AT_RE } from './citation-markers';

export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a period does not end a sentence (lower-case, without the period). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen col lt sgt capt cpl maj adm cmdr gov sen rep pres supt insp det rev fr sr jr st mt ft ' +
    'no nos vs v cf al approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp bros plc llc govt intl assn univ ave blvd rd hon messrs mme mlle sra sr sgto'
  ).split(' '),
);

/** Capitalised words that, after a dotted acronym like "U.S.", show that a new sentence began. */
const SENTENCE_STARTERS = new Set(
  'the a an he she it they we i but and in on this that there his her their its our however meanwhile yet so'.split(' '),
);

/** Reference markers that may follow a sentence's final punctuation: `[^key]`, `[@key]`, `[see @key, p. 2]`. */
const TRAILING_REFERENCE_RE = CITATION_MARKER_AT_RE;

const CLOSERS = '"\')]}\u201d\u2019\u00bb';
const OPENERS = '"\'([{\u201c\u2018\u00ab\u2014\u2013-';

function isTerminator(c: string): boolean {
  return c === '.' || c === '!' || c === '?' || c === '\u2026';
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
}

function startsSentence(c: string): boolean {
  return OPENERS.includes(c) || /[\p{Lu}\p{N}]/u.test(c);
}

/** The word ending right before `end` (letters and inner dots), e.g. "U.S" or "Dr". */
function wordBefore(text: string, end: number, from: number): string {
  let i = end;
  while (i > from && /[\p{L}.]/u.test(text[i - 1])) i--;
  return text.slice(i, end);
}

function wordAfter(text: string, start: number, to: number): string {
  let i = start;
  while (i < to && /[\p{L}]/u.test(text[i])) i++;
  return text.slice(start, i);
}

/** True when a period at `dot` belongs to an abbreviation or an initial rather than ending a sentence. */
function isAbbreviationPeriod(text: string, dot: number, from: number, nextStart: number, to: number): boolean {
  const before = wordBefore(text, dot, from);
  if (!before) return false;
  const lower = before.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // A single capital letter is an initial ("Ana B. Lee"), unless it is the pronoun "I".
  if (/^\p{Lu}$/u.test(before) && before !== 'I') return true;
  // Dotted acronyms ("U.S.", "e.g."): a sentence ends only if the next word is a typical sentence opener.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) {
    const next = wordAfter(text, nextStart, to).toLowerCase();
    return !SENTENCE_STARTERS.has(next);
  }
  return false;
}

/** Trims whitespace off a span of `text`. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/**
 * Splits text[from, to) into sentence spans (offsets into `text`, trimmed).
 * Newlines inside the range are treated as spaces: callers split paragraphs first.
 */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = from;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (!isTerminator(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && isTerminator(text[j])) j++;
    while (j < to && CLOSERS.includes(text[j])) j++;
    for (;;) {
      TRAILING_REFERENCE_RE.lastIndex = j;
      const ref = TRAILING_REFERENCE_RE.exec(text);
      if (!ref || j + ref[0].length > to) break;
      j += ref[0].length;
    }
    if (j < to && !isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < to && isSpace(text[k])) k++;
    if (k >= to) break;
    const boundary = startsSentence(text[k]) && !(c === '.' && j === i + 1 && isAbbreviationPeriod(text, i, sentenceStart, k, to));
    if (boundary) {
      const span = trimSpan(text, sentenceStart, j);
      if (span.end > span.start) spans.push(span);
      sentenceStart = k;
    }
    i = k;
  }
  const last = trimSpan(text, sentenceStart, to);
  if (last.end > last.start) spans.push(last);
  return spans;
}
