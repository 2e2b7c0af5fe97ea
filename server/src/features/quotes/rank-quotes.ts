/**
 * Ranks quotations for what the writer typed: the index narrows the corpus to
 * a short candidate list (BM25 over quote words and speaker names, plus the
 * quotations that open with the typed words), then fuse.js and word coverage
 * order that list. Never a scan over every quotation.
 */
import Fuse from 'fuse.js';
import type { SourceStore } from '../../store/source-store';
import { terms, words } from '../../text/tokenize';
import type { IndexedQuote, SourceUnit } from '../../store/source-store';
import { openingKey } from '../../text/opening-key';
import { normalizeForMatch } from '../../text/normalize';
import { partOffsets, quotationFromPart, type SourceQuote } from '../../domain/quote-types';
import { quoteWords, speakerWords } from './quote-words';

/** Candidates taken from the index before fuzzy ranking. */
const CANDIDATES = 150;
/** Candidates scored by fuse.js (the best by exact evidence). */
const FUZZY_POOL = 40;
/** Quotations opening with the typed words looked at, at most. */
const OPENING_SCAN = 2000;

export interface RankedQuote extends IndexedQuote {
  /** 0: opens with the typed words, 1: contains them as a phrase, 2: fuzzy. */
  tier: number;
  coverage: number;
  fuzzy: number;
  /** Other sources with the same quotation (syndicated copy), offered as one item. */
  alsoIn: IndexedQuote[];
}

export interface RankOptions {
  limit: number;
  /** Quotations shorter than this many words are left out (fragments). */
  minWords: number;
  /** Reported speech without marks is offered too, after every quotation in marks of the same tier. */
  paraphrases?: boolean;
  /** Sources the draft already cites: among quotations that match equally, theirs come first. */
  cited?: ReadonlySet<SourceUnit>;
}

/**
 * Width of a band of fuse.js scores that count as equal. Quotations that all open with (or hold) the typed words
 * differ in fuse's score only in the third decimal (its bitap noise, a speaker name's letters), which says nothing
 * about which one the writer wants; a typo or a missing word costs at least a tenth.
 */
const FUZZY_BAND = 0.05;
const fuzzyBand = (score: number): number => Math.floor(score / FUZZY_BAND);

function closeWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  let diff = 0;
  for (let i = 0, j = 0; i < a.length || j < b.length;) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++diff > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return true;
}

function wordMatches(typed: string, word: string, partial: boolean): boolean {
  return partial ? word.startsWith(typed) || closeWord(typed, word) : typed === word || closeWord(typed, word);
}

/** Index of the first place where `typed` occurs as consecutive words of `ws` (the last typed word may be partial), or -1. */
export function phraseAt(ws: readonly string[], typed: readonly string[], lastPartial: boolean): number {
  if (typed.length === 0) return -1;
  outer: for (let i = 0; i + typed.length <= ws.length; i++) {
    for (let k = 0; k < typed.length; k++) {
      const partial = lastPartial && k === typed.length - 1;
      const w = ws[i + k];
      if (partial ? !w.startsWith(typed[k]) : w !== typed[k]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Characters read after a part's start to check that it opens with the typed words. */
const PART_LOOKAHEAD = 24;

/**
 * The later part (paragraph) of a quotation over paragraphs that opens with the typed words, or 0: typing the
 * first words of a later paragraph asks for the quotation from there on, not from its first paragraph.
 */
function partOpening(quote: SourceQuote, typed: string, typedWords: readonly string[], lastPartial: boolean): number {
  const offsets = partOffsets(quote);
  for (let i = 0; i < offsets.length; i++) {
    const head = words(quote.text.slice(offsets[i], offsets[i] + typed.length + PART_LOOKAHEAD));
    if (phraseAt(head, typedWords, lastPartial) === 0) return i + 1;
  }
  return 0;
}

/** Quotations for a typed fragment, best first. */
export function rankQuotes(k: SourceStore, typed: string, options: RankOptions): RankedQuote[] {
  const typedWords = words(typed);
  if (typedWords.length === 0) return [];
  const lastPartial = /[\p{L}\p{N}]$/u.test(typed);
  const eligible = (id: number): boolean => {
    if (k.quotes.wordCount(id) < options.minWords) return false;
    return options.paraphrases === true || k.quotes.kindOf(id) !== 'indirect';
  };

  const bm25 = new Map<number, number>();
  const queryTerms = terms(typed);
  for (const hit of k.quotes.search(queryTerms, CANDIDATES, eligible)) bm25.set(hit.id, hit.score);
  // Openings of function words only ("It would be a") have no retrieval terms: look them up by their first words.
  const complete = lastPartial ? typedWords.slice(0, -1) : typedWords;
  const key = openingKey(complete.length >= 2 ? complete : typedWords.length >= 2 && !lastPartial ? typedWords : []);
  if (key) {
    // Only openings that go on as typed; the check reads the first words of each, not the whole quotation.
    let kept = 0;
    // The third and fourth typed words (whole or begun) pass over most quotations sharing the first two before any
    // is read: a common opening ("It is a") is shared by thousands in a large corpus.
    for (const id of k.quotes.opening(key, typedWords[2], typedWords[3]).slice(0, OPENING_SCAN)) {
      if (kept >= CANDIDATES) break;
      const q = k.quotes.get(id);
      if (!q || bm25.has(id) || !eligible(id)) continue;
      const opensAsTyped = phraseAt(words(q.quote.text.slice(0, typed.length + PART_LOOKAHEAD)), typedWords, lastPartial) === 0;
      if (!opensAsTyped && partOpening(q.quote, typed, typedWords, lastPartial) === 0) continue;
      bm25.set(id, 0);
      kept++;
    }
  }

  // `tail`: the quotation from a later paragraph on; a whole quotation opening as typed ranks before it.
  // `paraphrase`: reported speech, after the quotations in marks that match as well.
  const candidates: (RankedQuote & { bm25: number; speakerText: string; tail: number; paraphrase: number })[] = [];
  for (const [id, score] of bm25) {
    const indexed = k.quotes.get(id);
    if (!indexed) continue;
    const whole = quoteWords(indexed.quote);
    const opensWhole = phraseAt(whole, typedWords, lastPartial) === 0;
    const part = opensWhole || !indexed.quote.parts ? 0 : partOpening(indexed.quote, typed, typedWords, lastPartial);
    const q = part > 0 ? { ...indexed, quote: quotationFromPart(indexed.quote, part) } : indexed;
    const ws = part > 0 ? words(q.quote.text) : whole;
    const spoken = speakerWords(q.quote);
    const at = phraseAt(ws, typedWords, lastPartial);
    const tier = at === 0 ? 0 : at > 0 ? 1 : 2;
    let found = 0;
    typedWords.forEach((t, i) => {
      const partial = lastPartial && i === typedWords.length - 1;
      if (ws.some((w) => wordMatches(t, w, partial)) || spoken.some((w) => wordMatches(t, w, partial))) found++;
    });
    candidates.push({
      ...q,
      tier,
      coverage: found / typedWords.length,
      fuzzy: 1,
      bm25: score,
      speakerText: q.quote.speaker ?? '',
      tail: part > 0 ? 1 : 0,
      paraphrase: q.quote.kind === 'indirect' ? 1 : 0,
      alsoIn: [],
    });
  }
  if (candidates.length === 0) return [];
  // Fuzzy scoring is the costly step: only for the best few by exact evidence.
  candidates.sort(
    (a, b) =>
      a.tier - b.tier || a.paraphrase - b.paraphrase || b.coverage - a.coverage || a.tail - b.tail || b.bm25 - a.bm25 || a.id - b.id,
  );
  dedupe(candidates);
  candidates.length = Math.min(candidates.length, FUZZY_POOL);

  const fuse = new Fuse(candidates, {
    keys: [
      { name: 'quote.text', weight: 0.75 },
      { name: 'speakerText', weight: 0.25 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.8,
    useTokenSearch: true,
  });
  for (const r of fuse.search(typed)) candidates[r.refIndex].fuzzy = r.score ?? 1;

  // Equal evidence: the sources the draft cites, then the quotation its source leads with (news puts the main
  // quotations first), rather than the order the files were indexed in.
  const cited = (unit: SourceUnit): number => (options.cited?.has(unit) ? 1 : 0);

  candidates.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.paraphrase - b.paraphrase ||
      b.coverage - a.coverage ||
      a.tail - b.tail ||
      fuzzyBand(a.fuzzy) - fuzzyBand(b.fuzzy) ||
      cited(b.unit) - cited(a.unit) ||
      a.quote.paragraph - b.quote.paragraph ||
      a.fuzzy - b.fuzzy ||
      b.bm25 - a.bm25 ||
      a.id - b.id,
  );
  return candidates
    .filter((c) => c.tier < 2 || c.coverage >= 0.5 || c.fuzzy < 0.6)
    .slice(0, options.limit)
    .map(({ id, unit, quote, tier, coverage, fuzzy, alsoIn }) => ({ id, unit, quote, tier, coverage, fuzzy, alsoIn }));
}

/**
 * Keeps the best-ranked of quotations with the same normalised words (wire copy syndicated to many sources) and
 * lists the others under it, in place: a corpus of copies must not fill the list with one quotation.
 */
function dedupe(ranked: RankedQuote[]): void {
  const kept = new Map<string, RankedQuote>();
  let w = 0;
  for (const c of ranked) {
    const key = normalizeForMatch(c.quote.text);
    const first = kept.get(key);
    if (first) {
      if (first.unit !== c.unit) first.alsoIn.push({ id: c.id, unit: c.unit, quote: c.quote });
      continue;
    }
    kept.set(key, c);
    ranked[w++] = c;
  }
  ranked.length = w;
}
