/**
 * Unsourced claims and wrong figures. Each prose sentence is judged by its
 * text (and the sources it cites), and the verdict is cached by that text, so
 * after a one-character edit only the edited sentence is evaluated again. The
 * cache is dropped whenever the index changes.
 */
import { yieldToEventLoop, type Cancellation } from '../../domain/cancellation';
import type { ServiceContext, IndexState } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import type { NumberMismatch, SupportCandidate, UnsourcedClaim } from '../../domain/findings';
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';
import { citedUnits, insertionPoint, proseSentences, type ProseSentence } from './citation-coverage';
import { classifySentence, plainSentence } from './detect-claims';
import { extractFigures, figureConflicts, hasFigure } from './number-check';
import { bestSentencesIn, retrieveEvidence, type Evidence } from './retrieve-evidence';

/** Confidence above which the best uncited passage is trusted enough to check the sentence's figures against it. */
const MISMATCH_MIN_SCORE = 0.5;
const MAX_CACHED = 50_000;
const CANCEL_CHECK_EVERY = 32;
const YIELD_EVERY_MS = 15;

/** What one sentence amounts to, offsets relative to the sentence. */
interface SentenceResult {
  claim: boolean;
  candidates: SupportCandidate[];
  mismatches: { start: number; end: number; found: string; expected: string; key: string }[];
}

interface Cache {
  results: Map<string, SentenceResult>;
}

const caches = new WeakMap<IndexState, Cache>();

function cacheOf(ctx: ServiceContext): Cache {
  let cache = caches.get(ctx.indexer);
  if (!cache) {
    const fresh: Cache = { results: new Map() };
    ctx.indexer.onDidUpdate(() => fresh.results.clear());
    caches.set(ctx.indexer, (cache = fresh));
  }
  return cache;
}

/** The sentence with citation markers blanked (same length), so keys with digits are not read as figures. */
function withoutMarkers(s: ProseSentence): string {
  // Built in one pass (citations are in text order): rebuilding the string per citation is quadratic.
  const parts: string[] = [];
  let copied = 0;
  for (const c of s.citations) {
    const from = c.start - s.start;
    const to = c.end - s.start;
    if (from < copied || to > s.text.length) continue;
    parts.push(s.text.slice(copied, from), ' '.repeat(to - from));
    copied = to;
  }
  parts.push(s.text.slice(copied));
  return parts.join('');
}

function candidateOf(e: Evidence): SupportCandidate {
  return { key: e.key, title: e.title, path: e.path, passage: e.passage, score: e.score, ...(e.page ? { page: e.page } : {}) };
}

function passageAround(e: Evidence): string[] {
  const { doc } = e.unit;
  return [e.sentenceIndex - 1, e.sentenceIndex, e.sentenceIndex + 1]
    .map((i) => doc.sentences[i])
    .filter((s) => s !== undefined)
    .map((s) => doc.text.slice(s.start, s.end));
}

function evaluate(k: SourceStore, s: ProseSentence, cited: SourceUnit[], token: Cancellation): SentenceResult {
  const verdict = classifySentence(s.text);
  const text = withoutMarkers(s);
  const figures = extractFigures(text);
  // A hedged sentence ("… could pay a $244 million fee") is no claim, but its figures are still checked.
  if (!verdict.claim && figures.length === 0) return { claim: false, candidates: [], mismatches: [] };
  const plain = plainSentence(s.text);
  const mismatches: SentenceResult['mismatches'] = [];
  // Only a sentence with a figure (a bare year included) can contradict a source: without one, no passage is read.
  const checkable = hasFigure(text);
  const addConflicts = (passages: () => string[], key: string): void => {
    if (!checkable) return;
    for (const c of figureConflicts(text, passages())) {
      mismatches.push({ start: c.found.start, end: c.found.end, found: c.found.text, expected: c.expected.text, key });
    }
  };
  if (s.citations.length > 0) {
    for (const unit of cited) addConflicts(() => bestSentencesIn(unit, plain), k.sources.keyOf(unit));
    return { claim: verdict.claim, candidates: [], mismatches: dedupe(mismatches) };
  }
  const evidence = retrieveEvidence(k, plain, 3, token);
  const best = evidence[0];
  // The best source's passage around the match and its sentences closest to the claim (the figure may sit in either).
  if (best && best.score >= MISMATCH_MIN_SCORE) addConflicts(() => passagesOf(best, plain), best.key);
  // A wrong figure lowers the match it is part of: look again with the figures left out of the query.
  if (mismatches.length === 0 && figures.length > 0 && !(best && best.score >= MISMATCH_MIN_SCORE)) {
    const [again] = retrieveEvidence(k, withoutFigures(plain), 1, token);
    if (again && again.score >= MISMATCH_MIN_SCORE) addConflicts(() => passagesOf(again, plain), again.key);
  }
  return { claim: verdict.claim, candidates: verdict.claim ? evidence.map(candidateOf) : [], mismatches: dedupe(mismatches) };
}

function passagesOf(e: Evidence, plain: string): string[] {
  return [...new Set([...passageAround(e), ...bestSentencesIn(e.unit, plain, 4)])];
}

/** The sentence with its figures blanked, so retrieval looks for the passage by its words alone. */
function withoutFigures(plain: string): string {
  // In one pass (figures are in text order and do not overlap): cutting one at a time is quadratic in figures.
  const parts: string[] = [];
  let copied = 0;
  for (const f of extractFigures(plain)) {
    if (f.start < copied) {
      copied = Math.max(copied, f.end);
      continue;
    }
    parts.push(plain.slice(copied, f.start));
    copied = f.end;
  }
  parts.push(plain.slice(copied));
  return parts.join('');
}

/** The first mismatch at each start (a Set, not a search per mismatch: a pasted table has thousands of figures). */
function dedupe(list: SentenceResult['mismatches']): SentenceResult['mismatches'] {
  const seen = new Set<number>();
  return list.filter((m) => {
    if (seen.has(m.start)) return false;
    seen.add(m.start);
    return true;
  });
}

/** The claim verdict of every prose sentence (for the quality tests and the example check). */
export function classifyDraft(ctx: ServiceContext, draft: DraftDocument): { sentence: ProseSentence; claim: boolean }[] {
  return proseSentences(draft, ctx.knowledge(), ctx.config().claims.citationScope).map((sentence) => ({
    sentence,
    claim: !sentence.suppressed && classifySentence(sentence.text).claim,
  }));
}

/** Unsourced claims and wrong figures in the draft. */
export async function findClaimFindings(
  ctx: ServiceContext,
  draft: DraftDocument,
  token: Cancellation,
): Promise<(UnsourcedClaim | NumberMismatch)[]> {
  const k = ctx.knowledge();
  const cache = cacheOf(ctx);
  const out: (UnsourcedClaim | NumberMismatch)[] = [];
  const sentences = proseSentences(draft, k, ctx.config().claims.citationScope);
  let lastYield = Date.now();
  for (let i = 0; i < sentences.length; i++) {
    // Yield every few ms: a $/cancelRequest (or an edit) can only arrive between event-loop turns.
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (i % CANCEL_CHECK_EVERY === 0 && token.isCancellationRequested) return out;
    const s = sentences[i];
    if (s.suppressed) continue;
    const cited = s.citations.length ? citedUnits(k, draft, s) : [];
    const cacheKey = `${s.text}\u0000${s.citations.length ? cited.map((u) => u.doc.uri).join('\u0001') || '?' : ''}`;
    let result = cache.results.get(cacheKey);
    if (!result) {
      result = evaluate(k, s, cited, token);
      if (token.isCancellationRequested) return out;
      if (cache.results.size >= MAX_CACHED) cache.results.clear();
      cache.results.set(cacheKey, result);
    }
    if (result.claim && s.citations.length === 0) {
      out.push({ code: 'unsourced-claim', start: s.start, end: s.end, insertAt: insertionPoint(s), candidates: result.candidates });
    }
    for (const m of result.mismatches) {
      out.push({
        code: 'number-mismatch',
        start: s.start + m.start,
        end: s.start + m.end,
        found: m.found,
        expected: m.expected,
        key: m.key,
      });
    }
  }
  return out;
}
