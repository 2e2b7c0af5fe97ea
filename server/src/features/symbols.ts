import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-types';
import type { ServiceContext } from './context';
import type { DraftDocument } from './drafts/draft-document';
import { plainText } from '../text/escape-markdown';
import { rangeAt } from '../text/line-index';
import { normalizeForMatch } from '../text/normalize';

const MAX_WORKSPACE_SYMBOLS = 200;

/** Where each heading's section ends: at the next heading of the same or a higher level (one pass, a stack of open sections). */
function sectionEnds(headings: readonly { start: number; depth?: number }[], textLength: number): number[] {
  const ends = headings.map(() => textLength);
  const open: number[] = [];
  headings.forEach((h, i) => {
    const depth = h.depth ?? 1;
    while (open.length && (headings[open[open.length - 1]].depth ?? 1) >= depth) ends[open.pop() ?? i] = h.start;
    open.push(i);
  });
  return ends;
}

/** The draft's headings as a nested outline. */
export function documentSymbols(draft: DraftDocument): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { depth: number; symbol: DocumentSymbol }[] = [];
  const headings = draft.blocks.filter((b) => b.kind === 'heading');
  const ends = sectionEnds(headings, draft.text.length);
  headings.forEach((h, i) => {
    const depth = h.depth ?? 1;
    const name = plainText(draft.text.slice(h.start, h.end).replace(/^#+\s*|\s*#+\s*$/g, '')) || '(untitled)';
    const symbol: DocumentSymbol = {
      name,
      kind: SymbolKind.String,
      range: rangeAt(draft, h.start, Math.max(h.end, ends[i])),
      selectionRange: rangeAt(draft, h.start, h.end),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
    (stack.length ? (stack[stack.length - 1].symbol.children ?? roots) : roots).push(symbol);
    stack.push({ depth, symbol });
  });
  return roots;
}

/** Sources whose key or title matches a workspace-symbol query. */
export function sourceSymbols(ctx: ServiceContext, query: string): SymbolInformation[] {
  const q = normalizeForMatch(query);
  const { sources } = ctx.knowledge();
  const out: SymbolInformation[] = [];
  for (const unit of sources.all()) {
    const key = sources.keyOf(unit);
    if (q && !key.includes(q) && !normalizeForMatch(unit.doc.title).includes(q)) continue;
    out.push({
      name: `${key} \u2014 ${plainText(unit.doc.title)}`,
      kind: SymbolKind.File,
      location: sources.location(unit, 0, 0),
      containerName: 'sources',
    });
    if (out.length >= MAX_WORKSPACE_SYMBOLS) break;
  }
  return out;
}
