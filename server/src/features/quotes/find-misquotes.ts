import { yieldToEventLoop, type Cancellation } from '../../domain/cancellation';
import type { ServiceContext } from '../context';
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

/** Quotations in the draft close to a source quotation but not the same. */
export async function findMisquotes(ctx: ServiceContext, draft: DraftDocument, token: Cancellation): Promise<Misquote[]> {
  if (ctx.config().quotes.misquoteSeverity === 'ignore') return [];
  const k = ctx.knowledge();
  const out: Misquote[] = [];
  let lastYield = Date.now();
  for (const quotation of draft.quotations) {
    // Thousands of quotations take a while: let requests on other documents in between.
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
    if (token.isCancellationRequested) break;
    const { parts } = quotationParts(quotation.text);
    if (parts.reduce((n, p) => n + p.length, 0) < MIN_WORDS) continue;
    const match = matchQuotation(k, quotation.text);
    if (!match || match.exact || match.similarity < MIN_SIMILARITY) continue;
    if (verbatimSentence(k, quotation.text)) continue;
    out.push({
      code: 'misquote',
      start: quotation.innerStart,
      end: quotation.innerEnd,
      sourceText: inWritersForm(quotation.text, match.sourceText),
      speaker: match.q.quote.speaker ? speakerDisplay(ctx, match.q) : null,
      key: k.sources.keyOf(match.q.unit),
    });
  }
  return out;
}
