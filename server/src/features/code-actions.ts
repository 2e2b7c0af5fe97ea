import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Cancellation } from '../domain/cancellation';
import { citationEdits } from './citations/citation-edits';
import { citeAllEdits } from './claims/cite-all';
import type { ServiceContext } from './context';
import type { DraftDocument } from './drafts/draft-document';
import type { Finding } from '../domain/findings';
import type { SourceUnit } from '../store/source-store';
import { plainText, shorten } from '../text/escape-markdown';
import { positionAt, rangeAt } from '../text/line-index';
import { findingOf } from './to-diagnostic';

/** The kind of the fix-all action, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sourced`;
/** The comment that marks the next sentence as the writer's analysis. */
export const IGNORE_COMMENT = '<!-- sourced-ignore -->';
const MAX_CITE_ACTIONS = 3;

function action(title: string, uri: string, edits: TextEdit[], diagnostic: Diagnostic, preferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: { changes: { [uri]: edits } } };
}

/** The text at the finding's range must still be what was flagged; otherwise the fix is stale and offered no more. */
function stillApplies(draft: DraftDocument, finding: Finding, diagnostic: Diagnostic): boolean {
  const range = rangeAt(draft, finding.start, finding.end);
  return (
    finding.end <= draft.text.length &&
    range.start.line === diagnostic.range.start.line &&
    range.start.character === diagnostic.range.start.character &&
    range.end.line === diagnostic.range.end.line &&
    range.end.character === diagnostic.range.end.character
  );
}

function fixesFor(ctx: ServiceContext, draft: DraftDocument, finding: Finding, diagnostic: Diagnostic): CodeAction[] {
  const k = ctx.knowledge();
  const range = rangeAt(draft, finding.start, finding.end);
  switch (finding.code) {
    case 'misquote':
      return [action("Replace with the source's wording", draft.uri, [{ range, newText: finding.sourceText }], diagnostic, true)];
    case 'number-mismatch':
      return [
        action(
          `Replace with the source's figure (${plainText(finding.expected)})`,
          draft.uri,
          [{ range, newText: finding.expected }],
          diagnostic,
          true,
        ),
      ];
    case 'unsourced-claim': {
      const actions: CodeAction[] = [];
      finding.candidates.slice(0, MAX_CITE_ACTIONS).forEach((c, i) => {
        const unit = k.sources.byKey(c.key);
        if (!unit) return;
        const edits = citationEdits(draft, ctx.config().citations.style, [{ unit, key: c.key, page: c.page ?? null }], finding.insertAt);
        if (edits.length)
          actions.push(action(`Cite ${c.key} \u2014 ${shorten(plainText(c.title), 60)}`, draft.uri, edits, diagnostic, i === 0));
      });
      // Marked already (the comment sits where the sentence began, or right before it): a second run adds nothing.
      const marked =
        draft.text.startsWith(IGNORE_COMMENT, finding.start) || draft.text.slice(0, finding.start).trimEnd().endsWith(IGNORE_COMMENT);
      const at = positionAt(draft, finding.start);
      if (!marked)
        actions.push(action('Mark as analysis', draft.uri, [{ range: { start: at, end: at }, newText: `${IGNORE_COMMENT} ` }], diagnostic));
      return actions;
    }
    case 'unknown-citation':
      return [];
  }
}

/** Quick fixes for our diagnostics in the range, and the fix-all source action when asked for. */
export async function provideCodeActions(
  ctx: ServiceContext,
  draft: DraftDocument,
  diagnostics: Diagnostic[],
  only: string[] | undefined,
  token: Cancellation,
): Promise<CodeAction[]> {
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      const finding = findingOf(diagnostic);
      if (finding && stillApplies(draft, finding, diagnostic)) out.push(...fixesFor(ctx, draft, finding, diagnostic));
    }
  }
  if (only?.some((o) => FIX_ALL_KIND.startsWith(o) && o !== CodeActionKind.Empty)) {
    const edits = await citeAllEdits(ctx, draft, token);
    if (edits.length)
      out.push({ title: 'Sourced: Cite All Supported Claims', kind: FIX_ALL_KIND, edit: { changes: { [draft.uri]: edits } } });
  }
  return out;
}

/** Citation edits for a list of sources at an offset (used by completion and fixes); `pages` are PDF page locators. */
export function citeAt(
  ctx: ServiceContext,
  draft: DraftDocument,
  units: SourceUnit[],
  offset: number,
  pages: (number | null)[] = [],
): TextEdit[] {
  const k = ctx.knowledge();
  return citationEdits(
    draft,
    ctx.config().citations.style,
    units.map((unit, i) => ({ unit, key: k.sources.keyOf(unit), page: pages[i] ?? null })),
    offset,
  );
}
