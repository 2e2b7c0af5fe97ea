import { yieldToEventLoop, type Cancellation } from '../../domain/cancellation';
import type { IndexState, ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import type { Misquote } from '../../domain/findings';
import { matchQuotation, quotationParts, verbatimSentence } from './match-quotation';
import { speakerDisplay } from './quote-presentation';

/** Quotations shorter than this are not checked: short phrases are too often the writer's own. */
const MIN_WORDS = 6;
/** Share of aligned words from which a differing quotation is taken for a misquote of the source. */
const MIN_SIMILARITY = 0.6;
const YIELD_EVERY_MS = 15;

/** Keeps the writer's first-letter case and final punctuation on the source's wording. */
function inWritersForm(written: string, source: string): string {
  let out = source;
  const w = written.trim()[0];
  if (w && out[0] && w.toLowerCase() !== w.toUpperCase()) {
    out = (w === w.toUpperCase() ? out[0].toUpperCase() : out[0].toLowerCase()) + out.slice(1);
  }
  const end = /[.,;:!?]+$/.exec(written.trim())?.[0] ?? '';
  return end && !/[.,;:!?]$/.test(out) ? out + end : out;
}

/** What a quotation's text amounts to: the source's wording, speaker and key when it is a misquote. */
type Verdict = Pick<Misquote, 'sourceText' | 'speaker' | 'key'> | null;

/** Verdicts by quotation text, dropped when the index changes (after an edit only new quotations are matched). */
const verdicts = new WeakMap<IndexState, Map<string, Verdict>>();
const MAX_CACHED = 20_000;

function verdictsOf(ctx: ServiceContext): Map<string, Verdict> {
  let cache = verdicts.get(ctx.indexer);
  if (!cache) {
    const fresh = new Map<string, Verdict>();
    ctx.indexer.onDidUpdate(() => fresh.clear());
    verdicts.set(ctx.indexer, (cache = fresh));
  }
  return cache;
}

function judge(ctx: ServiceContext, text: string): Verdict {
  const k = ctx.knowledge();
  const { parts } = quotationParts(text);
  if (parts.reduce((n, p) => n + p.length, 0) < MIN_WORDS) return null;
  const match = matchQuotation(k, text);
  if (!match || match.exact || match.similarity < MIN_SIMILARITY) return null;
  if (verbatimSentence(k, text)) return null;
  return {
    sourceText: inWritersForm(text, match.sourceText),
    speaker: match.q.quote.speaker ? speakerDisplay(ctx, match.q) : null,
    key: k.sources.keyOf(match.q.unit),
  };
}

/** Quotations in the draft close to a source quotation but not the same. */
export async function findMisquotes(ctx: ServiceContext, draft: DraftDocument, token: Cancellation): Promise<Misquote[]> {
  if (ctx.config().quotes.misquoteSeverity === 'ignore') return [];
  const cache = verdictsOf(ctx);
  const out: Misquote[] = [];
  let lastYield = Date.now();
  for (const quotation of draft.quotations) {
    // Thousands of quotations take a while: let requests on other documents in between.
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (token.isCancellationRequested) break;
    let verdict = cache.get(quotation.text);
    if (verdict === undefined) {
      verdict = judge(ctx, quotation.text);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(quotation.text, verdict);
    }
    if (verdict) out.push({ code: 'misquote', start: quotation.innerStart, end: quotation.innerEnd, ...verdict });
  }
  return out;
}
