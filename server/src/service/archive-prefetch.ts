/** What each request asks the archive for before the features run over the (local + loaded) store. */
import type { Cancellation } from '../domain/cancellation';
import { classifyDraft } from '../features/claims/find-claim-findings';
import { plainSentence } from '../features/claims/detect-claims';
import type { ServiceContext } from '../features/context';
import type { DraftDocument } from '../features/drafts/draft-document';
import { openQuotationAt } from '../features/quotes/quote-completion';
import { nameKeysAt } from './archive-names';
import type { ArchiveWorkingSet } from './archive-working-set';

/** Quote completion: the quotations matching what is typed after the open quotation mark. */
export async function prefetchCompletion(
  ws: ArchiveWorkingSet,
  ctx: ServiceContext,
  draft: DraftDocument,
  offset: number,
  token: Cancellation,
): Promise<void> {
  const open = openQuotationAt(draft.text, offset);
  if (!open) return;
  const typed = draft.text.slice(open.open + 1, offset);
  if (typed.trim()) await ws.forQuote(typed, ctx.config().quotes.minCompletionWords, token);
}

/** Hover: the actor named at the position, and the quotation the position is in. */
export async function prefetchHover(ws: ArchiveWorkingSet, draft: DraftDocument, offset: number, token: Cancellation): Promise<void> {
  const quotation = draft.quotations.find((q) => offset >= q.start && offset <= q.end);
  await Promise.all([
    ws.forNames(nameKeysAt(draft.text, offset), token),
    quotation ? ws.forDraft([], [quotation.text], [], token) : Promise.resolve(),
  ]);
}

/** Diagnostics, quick fixes, cite-all: the cited sources, the quoted ones, and evidence for each claim. */
export async function prefetchDraft(ws: ArchiveWorkingSet, ctx: ServiceContext, draft: DraftDocument, token: Cancellation): Promise<void> {
  const keys = [...new Set(draft.citations.flatMap((c) => c.keys))];
  const quotations = draft.quotations.map((q) => q.text).filter((t) => t.trim().split(/\s+/).length >= 3);
  const claims = classifyDraft(ctx, draft)
    .filter((s) => s.claim)
    .map((s) => plainSentence(s.sentence.text));
  await ws.forDraft(keys, quotations, claims, token);
}
