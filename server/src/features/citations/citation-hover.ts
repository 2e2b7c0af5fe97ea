import type { Hover } from 'vscode-languageserver-types';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';
import { escapeMarkdown, inlineCode } from '../../text/escape-markdown';
import { rangeAt } from '../../text/line-index';
import { citationAt, sourceOfCitation } from './find-citation';

/** Hover on `[^key]` or `[@key]`: the source's title, date, outlet and path. */
export function citationHover(draft: DraftDocument, offset: number, knowledge: SourceStore): Hover | null {
  const citation = citationAt(draft, offset);
  if (!citation) return null;
  const units = sourceOfCitation(knowledge, draft, citation);
  if (units.length === 0) return null;
  const blocks = units.map((unit) => {
    const { doc } = unit;
    const meta = [doc.date ?? 'undated', doc.outlet, doc.place].filter((s): s is string => Boolean(s)).map(escapeMarkdown).join(' \u00b7 ');
    return `**${escapeMarkdown(doc.title)}**\n\n${meta}\n\n${inlineCode(knowledge.sources.keyOf(unit))} \u2014 ${inlineCode(doc.path)}`;
  });
  return {
    contents: { kind: 'markdown', value: blocks.join('\n\n---\n\n') },
    range: rangeAt(draft.lineStarts, citation.start, citation.end),
  };
}
