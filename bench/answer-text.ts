/** The text of an LSP answer as the benchmarks compare it: what a completion item inserts, what a hover shows. */
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import { normalizeForMatch } from '../server/src/text/normalize';

/** Everything a completion item shows or inserts, normalised for matching. */
export function itemText(item: CompletionItem): string {
  const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : '';
  return normalizeForMatch(`${typeof item.label === 'string' ? item.label : ''} ${item.insertText ?? ''} ${edit} ${item.filterText ?? ''}`);
}

/** The Markdown or plain text of a hover, or '' for none. */
export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents as { value?: string } | string;
  return typeof c === 'string' ? c : (c.value ?? '');
}
