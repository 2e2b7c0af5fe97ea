import type { Cancellation } from '../cancellation';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import type { NumberMismatch, UnsourcedClaim } from '../findings';

/** Unsourced claims and wrong figures in the draft. (Filled in by the claims feature.) */
export async function findClaimFindings(_ctx: ServiceContext, _draft: DraftDocument, _token: Cancellation): Promise<(UnsourcedClaim | NumberMismatch)[]> {
  return [];
}
