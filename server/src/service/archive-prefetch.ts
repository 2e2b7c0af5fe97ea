/** What each request asks the archive for before the features run over the (local + loaded) store. */
import { NEVER_CANCELLED, type Cancellation } from '../domain/cancellation';
import { classifyDraft } from '../features/claims/find-claim-findings';
import { plainSentence } from '../features/claims/detect-claims';
import type { ServiceContext } from '../features/context';
import type { DraftDocument } from '../features/drafts/draft-document';
import type { ArchiveWorkingSet } from './archive-working-set';

/** Hover on a quotation: the archived sources holding it (loaded for the next request; callers do not wait). */
export async function prefetchQuotation(ws: ArchiveWorkingSet, draft: DraftDocument, offset: number): Promise<void> {
  const quotation = draft.quotations.find((q) => offset >= q.start && offset <= q.end);
  if (quotation) await ws.forDraft([], [quotation.text], [], NEVER_CANCELLED);
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
