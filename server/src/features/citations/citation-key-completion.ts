import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';
import { positionAt } from '../../text/line-index';
import { writerEntryMarkdown } from './writer-entry-text';

/** `[@` or `; @` (a later key of a Pandoc citation) and the key typed so far, ending at the cursor. */
const KEY_AT_CURSOR_RE = /(?:\[|;\s*)-?@([\p{L}\p{N}_:.#$%&+?<>~/-]*)$/u;
/** Most keys offered at once; typing more narrows the list (the list says it is incomplete). */
const MAX_ITEMS = 100;
/** How far back on the line a citation may open. */
const LOOK_BACK = 200;

/**
 * Completion of citation keys after `[@`: the writer's own bibliography keys first (with the entry as
 * documentation), then the keys of indexed sources, those starting with what is typed.
 */
export function provideCitationKeyCompletion(draft: DraftDocument, offset: number, knowledge: SourceStore): CompletionList | null {
  const before = draft.text.slice(Math.max(0, offset - LOOK_BACK), offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const m = KEY_AT_CURSOR_RE.exec(before.slice(lineStart));
  if (!m) return null;
  const typed = (m[1] ?? '').toLowerCase();
  const from = positionAt(draft, offset - (m[1] ?? '').length);
  const to = positionAt(draft, offset);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (key: string, item: Omit<CompletionItem, 'label' | 'textEdit'>): void => {
    if (seen.has(key) || !key.toLowerCase().startsWith(typed)) return;
    seen.add(key);
    items.push({ label: key, ...item, textEdit: { range: { start: from, end: to }, newText: key } });
  };
  for (const entry of knowledge.sources.writerEntries()) {
    if (items.length >= MAX_ITEMS) break;
    add(entry.key, {
      kind: CompletionItemKind.Reference,
      detail: entry.title ?? entry.file,
      documentation: { kind: 'markdown', value: writerEntryMarkdown(entry) },
      sortText: `0${entry.key}`,
    });
  }
  let more = false;
  for (const unit of knowledge.sources.all()) {
    if (items.length >= MAX_ITEMS) {
      more = true;
      break;
    }
    add(knowledge.sources.keyOf(unit), {
      kind: CompletionItemKind.File,
      detail: unit.doc.title,
      sortText: `1${knowledge.sources.keyOf(unit)}`,
    });
  }
  return { isIncomplete: more, items };
}
