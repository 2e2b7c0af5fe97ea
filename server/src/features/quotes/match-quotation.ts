/**
 * Matches a quotation written in a draft against the source quotations: word
 * by word, so quote marks, apostrophe style, case, punctuation and whitespace
 * never count as differences; an ellipsis (… or ...) splits it into parts that
 * must appear in order.
 */
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';
import { terms, words, wordsWithOffsets } from '../../text/tokenize';
import type { IndexedQuote } from '../../store/source-store';

const CANDIDATES = 12;
const ELLIPSIS_RE = /\u2026|\.\s?\.\s?\./;

export interface QuotationMatch {
  q: IndexedQuote;
  /** True when every part appears verbatim (word for word) in the source quotation. */
  exact: boolean;
  /** Share of aligned words, 0–1. */
  similarity: number;
  /** The source's wording for the same stretch, parts joined with the draft's ellipsis. */
  sourceText: string;
}

/** Longest common subsequence of a and b[from…]: the pairs of matched indices. */
function lcsPairs(a: readonly string[], b: readonly string[], from: number): [number, number][] {
  const n = a.length;
  const m = b.length - from;
  if (n === 0 || m <= 0) return [];
  const dp: Uint16Array[] = [];
  for (let i = 0; i <= n; i++) dp.push(new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = a[i] === b[from + j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[from + j]) {
      pairs.push([i, from + j]);
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

function exactAt(part: readonly string[], ws: readonly string[], from: number): number {
  outer: for (let i = from; i + part.length <= ws.length; i++) {
    for (let k = 0; k < part.length; k++) if (ws[i + k] !== part[k]) continue outer;
    return i;
  }
  return -1;
}

/** The draft quotation's parts (split at ellipses) as word lists, and the ellipsis the writer used. */
export function quotationParts(text: string): { parts: string[][]; ellipsis: string } {
  const ellipsis = ELLIPSIS_RE.exec(text)?.[0] ?? '\u2026';
  return {
    parts: text
      .split(ELLIPSIS_RE)
      .map((p) => words(p))
      .filter((p) => p.length > 0),
    ellipsis,
  };
}

/** Words of the source quotations aligned so far (a draft's quotations meet the same candidates again). */
const quoteWords = new WeakMap<object, { word: string; start: number; end: number }[]>();

function sourceWords(q: IndexedQuote): { word: string; start: number; end: number }[] {
  let found = quoteWords.get(q.quote);
  if (!found) quoteWords.set(q.quote, (found = wordsWithOffsets(q.quote.text)));
  return found;
}

/** Aligns the parts with one source quotation. */
function align(parts: string[][], ellipsis: string, q: IndexedQuote): QuotationMatch {
  const source = sourceWords(q);
  const ws = source.map((w) => w.word);
  let pos = 0;
  let exact = true;
  let matched = 0;
  let span = 0;
  const pieces: string[] = [];
  for (const part of parts) {
    const hit = exactAt(part, ws, pos);
    let first: number;
    let last: number;
    if (hit >= 0) {
      first = hit;
      last = hit + part.length - 1;
      matched += part.length;
      span += part.length;
    } else {
      exact = false;
      // A part that is in the source but before the previous one: parts out of order.
      const anywhere = exactAt(part, ws, 0);
      if (anywhere >= 0) {
        matched += part.length;
        span += part.length;
        pieces.push(q.quote.text.slice(source[anywhere].start, source[anywhere + part.length - 1].end));
        continue;
      }
      const pairs = lcsPairs(part, ws, pos);
      if (pairs.length === 0) {
        span += part.length;
        continue;
      }
      // Changed words at the edges of the part belong to the stretch the writer meant.
      first = Math.max(pos, pairs[0][1] - pairs[0][0]);
      last = Math.min(ws.length - 1, pairs[pairs.length - 1][1] + (part.length - 1 - pairs[pairs.length - 1][0]));
      matched += pairs.length;
      span += Math.max(part.length, last - first + 1);
    }
    pieces.push(q.quote.text.slice(source[first].start, source[last].end));
    pos = last + 1;
  }
  return {
    q,
    exact: exact && pieces.length === parts.length,
    similarity: span ? matched / span : 0,
    sourceText: pieces.join(` ${ellipsis} `),
  };
}

/** The source quotation closest to a draft quotation, or null when no source quotation shares its words. */
export function matchQuotation(k: SourceStore, text: string): QuotationMatch | null {
  const { parts, ellipsis } = quotationParts(text);
  if (parts.length === 0) return null;
  const queryTerms = terms(text);
  if (queryTerms.length === 0) return null;
  let best: QuotationMatch | null = null;
  for (const hit of k.quotes.search(queryTerms, CANDIDATES, (id) => k.quotes.kindOf(id) !== 'indirect')) {
    const q = k.quotes.get(hit.id);
    if (!q) continue;
    const m = align(parts, ellipsis, q);
    if (m.exact) return m;
    if (!best || m.similarity > best.similarity) best = m;
  }
  return best;
}

/** A source sentence that contains the draft quotation word for word (a quotation of narrative text). */
export function verbatimSentence(k: SourceStore, text: string): { unit: SourceUnit; start: number; end: number } | null {
  const { parts } = quotationParts(text);
  if (parts.length === 0) return null;
  for (const hit of k.sources.sentences.search(terms(text), CANDIDATES)) {
    const at = k.sources.sentence(hit.id);
    if (!at) continue;
    const s = at.unit.doc.sentences[at.index];
    const ws = words(at.unit.doc.text.slice(s.start, s.end));
    let pos = 0;
    let ok = true;
    for (const part of parts) {
      const i = exactAt(part, ws, pos);
      if (i < 0) {
        ok = false;
        break;
      }
      pos = i + part.length;
    }
    if (ok) return { unit: at.unit, start: s.start, end: s.end };
  }
  return null;
}
