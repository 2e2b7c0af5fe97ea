import type { TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { citeAt } from '../code-actions';
import { positionAt } from '../../text/line-index';
import { pageAt } from '../../domain/source-pages';
import type { IndexedQuote } from '../../store/source-store';

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

/**
 * The edits that put a verbatim quotation and its citation into a draft: the
 * main edit replaces [from, to) with the quotation in the writer's marks and
 * the citation marker; the footnote definition (when the draft lacks it) is an
 * additional edit at the end of the draft.
 */
export function quoteInsertion(
  ctx: ServiceContext,
  draft: DraftDocument,
  q: IndexedQuote,
  open: string,
  close: string,
  from: number,
  to: number,
  snippet = false,
): { edit: TextEdit; additional: TextEdit[]; snippet: boolean } {
  const at = positionAt(draft, to);
  const cite = citeAt(ctx, draft, [q.unit], to, [pageAt(q.unit.doc.pageStarts, q.quote.start)]);
  const isMarker = (e: TextEdit): boolean =>
    e.range.start.line === at.line &&
    e.range.start.character === at.character &&
    e.range.end.line === at.line &&
    e.range.end.character === at.character &&
    e.newText.startsWith('[');
  const marker = cite.find(isMarker);
  let newText = `${open}${q.quote.text}${close}${marker?.newText ?? ''}`;
  let tail = '';
  const additional: TextEdit[] = [];
  for (const e of cite) {
    if (e === marker) continue;
    // An edit at the very place of the main edit cannot be a separate edit: it joins the main one.
    if (e.range.start.line === at.line && e.range.start.character === at.character) tail += e.newText;
    else additional.push(e);
  }
  // As a snippet, the cursor stays after the citation rather than after a definition joined at the end.
  const asSnippet = snippet && tail !== '';
  if (asSnippet) newText = `${escapeSnippet(newText)}$0${escapeSnippet(tail)}`;
  else newText += tail;
  return { edit: { range: { start: positionAt(draft, from), end: at }, newText }, additional, snippet: asSnippet };
}
