import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { Cancellation } from '../../domain/cancellation';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { inlineCode, plainText, shorten } from '../../text/escape-markdown';
import { words } from '../../text/tokenize';
import { quoteInsertion } from './quote-insertion';
import type { IndexedQuote, SourceUnit } from '../../store/source-store';
import { quoteContextMarkdown, speakerDisplay, sourceLabel } from './quote-presentation';
import { rankQuotes } from './rank-quotes';

const MAX_ITEMS = 30;
/** How an item of reported speech says it is no quotation. */
export const PARAPHRASE_NOTE = 'paraphrase (reported speech, inserted without quote marks)';
const LABEL_LENGTH = 80;
const CLOSING: Record<string, string> = { '\u201c': '\u201d', '"': '"', '\u201e': '\u201c' };

/** The unclosed quotation the cursor is in, on the current line: offset and kind of its opening mark. */
export function openQuotationAt(text: string, offset: number): { open: number; mark: string } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let open = -1;
  let mark = '';
  for (let i = lineStart; i < offset; i++) {
    const c = text[i];
    if (open < 0) {
      if (c === '\u201c' || c === '\u201e' || (c === '"' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' '))) {
        open = i;
        mark = c;
      }
    } else if ((mark === '"' && c === '"') || (mark !== '"' && (c === '\u201d' || (mark === '\u201e' && c === '\u201c')))) {
      open = -1;
    }
  }
  return open < 0 ? null : { open, mark };
}

function inExcluded(draft: DraftDocument, offset: number): boolean {
  return draft.excluded.some((s) => offset > s.start && offset <= s.end);
}

/** Sources named under an item for a quotation found in several sources, at most. */
const ALSO_IN_NAMED = 5;

/** "Also in" line for a quotation carried by other sources too (syndicated copy). */
function alsoInMarkdown(ctx: ServiceContext, alsoIn: readonly IndexedQuote[]): string {
  if (alsoIn.length === 0) return '';
  const keys = [...new Set(alsoIn.map((q) => ctx.knowledge().sources.keyOf(q.unit)))];
  const named = keys.slice(0, ALSO_IN_NAMED).map(inlineCode).join(', ');
  const more = keys.length > ALSO_IN_NAMED ? ` and ${keys.length - ALSO_IN_NAMED} more` : '';
  return `\n\nAlso in ${keys.length} other source${keys.length === 1 ? '' : 's'}: ${named}${more}`;
}

/** One completion item for a quotation (also used for archived quotations answered from the team archive). */
export function quoteCompletionItem(
  ctx: ServiceContext,
  draft: DraftDocument,
  q: IndexedQuote & { alsoIn?: IndexedQuote[] },
  open: { open: number; mark: string },
  end: number,
  typed: string,
  rank: number,
): CompletionItem {
  // Reported speech is no one's verbatim words: it replaces the writer's opening mark and goes in without marks.
  const paraphrase = q.quote.kind === 'indirect';
  const close = paraphrase ? '' : (CLOSING[open.mark] ?? '\u201d');
  const { edit, additional, snippet } = quoteInsertion(ctx, draft, q, paraphrase ? '' : open.mark, close, open.open, end, true);
  const others = q.alsoIn?.length ?? 0;
  return {
    label: shorten(plainText(q.quote.text), LABEL_LENGTH),
    kind: CompletionItemKind.Text,
    detail: `${speakerDisplay(ctx, q)}${paraphrase ? ` \u2014 ${PARAPHRASE_NOTE}` : ''} \u2014 ${sourceLabel(q)}${others ? ` (+${others} other source${others === 1 ? '' : 's'})` : ''}`,
    documentation: { kind: MarkupKind.Markdown, value: quoteContextMarkdown(ctx, q) + alsoInMarkdown(ctx, q.alsoIn ?? []) },
    // The client filters on the text from the opening mark to the cursor; starting with exactly that keeps fuzzy matches.
    filterText: `${open.mark}${typed} ${plainText(q.quote.text)} ${q.quote.speaker ?? ''}`,
    sortText: String(rank).padStart(4, '0'),
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: edit,
    additionalTextEdits: additional.length ? additional : undefined,
  };
}

/** Where a completion's edit ends: after an auto-closed mark right after the cursor, which is replaced too. */
export function quotationEnd(text: string, offset: number, mark: string): number {
  const next = text[offset];
  return next !== undefined && next === CLOSING[mark] ? offset + 1 : offset;
}

/** Sources looked at for the opening list when the draft cites too few. */
const OPENING_SOURCES = 200;

/** The sources the draft cites, in citation order. */
function citedUnits(ctx: ServiceContext, draft: DraftDocument): SourceUnit[] {
  const k = ctx.knowledge();
  return [...new Set(draft.citations.flatMap((c) => c.keys))].map((key) => k.sources.byKey(key)).filter((u) => u !== undefined);
}

/** Quotations of the sources the draft cites, then of other sources; those starting as typed first. */
function openingList(ctx: ServiceContext, cited: readonly SourceUnit[], typed: string, minWords: number): IndexedQuote[] {
  const k = ctx.knowledge();
  const units = [...cited];
  let looked = 0;
  for (const unit of k.sources.all()) {
    if (units.length >= MAX_ITEMS || ++looked > OPENING_SOURCES) break;
    if (!units.includes(unit)) units.push(unit);
  }
  const prefix = words(typed).join(' ');
  const quotes = units
    .flatMap((unit) => k.quotes.quotesOf(unit))
    .filter((q) => q.quote.kind !== 'indirect' && k.quotes.wordCount(q.id) >= minWords);
  const starts = (q: IndexedQuote): number =>
    prefix &&
    words(q.quote.text.slice(0, prefix.length + 12))
      .join(' ')
      .startsWith(prefix)
      ? 0
      : 1;
  return quotes
    .map((q, i) => ({ q, i, s: starts(q) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, MAX_ITEMS)
    .map((x) => x.q);
}

/** Quote completion inside an unclosed quotation on the current line. */
export function provideQuoteCompletion(
  ctx: ServiceContext,
  draft: DraftDocument,
  offset: number,
  token: Cancellation,
): CompletionList | null {
  const open = openQuotationAt(draft.text, offset);
  if (!open || inExcluded(draft, offset)) return null;
  const typed = draft.text.slice(open.open + 1, offset);
  const k = ctx.knowledge();
  const minWords = ctx.config().quotes.minCompletionWords;
  const citedList = citedUnits(ctx, draft);
  const cited = new Set(citedList);
  let hits: (IndexedQuote & { alsoIn?: IndexedQuote[] })[] = rankQuotes(k, typed, { limit: MAX_ITEMS, minWords, paraphrases: true, cited });
  // Nothing typed yet, or only a word or two with no match: an empty answer would close the list, and
  // Markdown has no quick suggestions to open it again; offer quotations so it stays open and narrows.
  if (hits.length === 0) hits = openingList(ctx, citedList, typed, minWords);
  if (token.isCancellationRequested) return null;
  const end = quotationEnd(draft.text, offset, open.mark);
  return { isIncomplete: true, items: hits.map((q, i) => quoteCompletionItem(ctx, draft, q, open, end, typed, i)) };
}
