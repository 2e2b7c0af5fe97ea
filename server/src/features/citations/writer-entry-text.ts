import type { WriterEntry } from '../../domain/writer-entry';
import { escapeMarkdown, inlineCode } from '../../text/escape-markdown';

/** An entry of the writer's bibliography as Markdown: title, authors, container and date, URL or DOI, key and file. */
export function writerEntryMarkdown(entry: WriterEntry): string {
  const byline = [entry.authors.join('; '), entry.container, entry.date]
    .filter((s): s is string => Boolean(s))
    .map(escapeMarkdown)
    .join(' \u00b7 ');
  const link = entry.doi ? `https://doi.org/${entry.doi}` : entry.url;
  return [
    `**${escapeMarkdown(entry.title ?? entry.key)}**`,
    byline,
    link ? escapeMarkdown(link) : '',
    `${inlineCode(entry.key)} \u2014 ${inlineCode(entry.file)} (your bibliography)`,
  ]
    .filter(Boolean)
    .join('\n\n');
}
