import type { TextEdit } from 'vscode-languageserver-types';
import type { Cancellation } from '../../domain/cancellation';
import { appendDefinitionsEdit, citationMarker, footnoteDefinition } from '../citations/citation-edits';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { positionAt } from '../../text/line-index';
import { findClaimFindings } from './find-claim-findings';

/**
 * Edits that cite every unsourced claim whose best source clears
 * `claims.autoCiteThreshold`: one marker after each such sentence and, in
 * footnote style, one definition per newly cited key at the end of the draft.
 * Only inserts, so no writer text is removed; a second run finds the claims
 * sourced and the keys defined, and adds nothing.
 */
export async function citeAllEdits(ctx: ServiceContext, draft: DraftDocument, token: Cancellation): Promise<TextEdit[]> {
  const config = ctx.config();
  const style = config.citations.style;
  const k = ctx.knowledge();
  const findings = await findClaimFindings(ctx, draft, token);
  if (token.isCancellationRequested) return [];
  const edits: TextEdit[] = [];
  const newKeys: string[] = [];
  for (const f of findings) {
    if (f.code !== 'unsourced-claim') continue;
    const best = f.candidates[0];
    if (!best || best.score < config.claims.autoCiteThreshold || !k.sources.byKey(best.key)) continue;
    const marker = citationMarker(style, best.key, best.page);
    if (draft.text.startsWith(marker, f.insertAt)) continue;
    const at = positionAt(draft, f.insertAt);
    edits.push({ range: { start: at, end: at }, newText: marker });
    if (!newKeys.includes(best.key)) newKeys.push(best.key);
  }
  if (style === 'footnote') {
    const defined = new Set(draft.footnoteDefinitions.map((d) => d.key));
    const definitions = newKeys.flatMap((key) => {
      const unit = defined.has(key) ? undefined : k.sources.byKey(key);
      return unit ? [footnoteDefinition(unit, key)] : [];
    });
    const append = appendDefinitionsEdit(draft, definitions);
    if (append) edits.push(append);
  }
  return edits;
}
