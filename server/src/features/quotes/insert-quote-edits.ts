import type { TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { openQuotationAt } from './quote-completion';
import { quoteInsertion } from './quote-insertion';

/** The writer's quote marks: straight when the draft's quotations mostly use them, else curly. */
function marksOf(draft: DraftDocument): { open: string; close: string } {
  const straight = draft.quotations.filter((q) => q.open === '"').length;
  return straight * 2 > draft.quotations.length && straight > 0 ? { open: '"', close: '"' } : { open: '\u201c', close: '\u201d' };
}

/** Edits that insert a quotation (an id from `searchQuotes`) and its citation at the cursor, for `Sourced: Insert Quote…`. */
export function insertQuoteEdits(ctx: ServiceContext, draft: DraftDocument, offset: number, id: number): TextEdit[] {
  const q = ctx.knowledge().quotes.get(id);
  if (!q) return [];
  // Inside an open quotation, the typed fragment is replaced as completion would.
  const open = openQuotationAt(draft.text, offset);
  const marks = open ? { open: open.mark, close: open.mark === '"' ? '"' : '\u201d' } : marksOf(draft);
  const { edit, additional } = quoteInsertion(ctx, draft, q, marks.open, marks.close, open ? open.open : offset, offset);
  return [edit, ...additional];
}
