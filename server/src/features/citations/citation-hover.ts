import type { Hover } from 'vscode-languageserver-types';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';
import { escapeMarkdown, inlineCode } from '../../text/escape-markdown';
import { rangeAt } from '../../text/line-index';
import { citationAt, sourceOfCitation } from './find-citation';
import { writerEntryMarkdown } from './writer-entry-text';

/** Hover on `[^key]` or `[@key]`: the source's title, date, authors, outlet, URL and path, or the writer's bibliography entry. */
export function citationHover(draft: DraftDocument, offset: number, knowledge: SourceStore): Hover | null {
  const citation = citationAt(draft, offset);
  if (!citation) return null;
  const units = sourceOfCitation(knowledge, draft, citation);
  const blocks = units.map((unit) => {
    const { doc } = unit;
    const meta = [doc.date ?? 'undated', (doc.authors ?? []).join(', '), doc.outlet, doc.place]
      .filter((s): s is string => Boolean(s))
      .map(escapeMarkdown)
      .join(' \u00b7 ');
    const entry = knowledge.sources.writerEntry(knowledge.sources.keyOf(unit));
    const from = entry ? ` (your bibliography: ${inlineCode(entry.file)})` : '';
    return `**${escapeMarkdown(doc.title)}**\n\n${meta}${doc.url ? `\n\n${escapeMarkdown(doc.url)}` : ''}\n\n${inlineCode(knowledge.sources.keyOf(unit))} \u2014 ${inlineCode(doc.path)}${from}`;
  });
  // A key of the writer's bibliography that no indexed source matches: the entry itself.
  if (citation.kind !== 'link') {
    const shown = new Set(units.map((u) => knowledge.sources.keyOf(u)));
    for (const key of citation.keys) {
      const entry = shown.has(key) ? undefined : knowledge.sources.writerEntry(key);
      if (entry) blocks.push(writerEntryMarkdown(entry));
    }
  }
  if (blocks.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: blocks.join('\n\n---\n\n') },
    range: rangeAt(draft, citation.start, citation.end),
  };
}
