import type { SourceDocument, SourceParagraph, SourceSentence } from '../../domain/source-document';
import { splitSentences } from '../../text/sentence-splitter';
import type { SourceText } from '../../domain/source-text';

/** Between blocks in the document's text: a blank line, as in a plain-text source. */
const BLOCK_SEPARATOR = '\n\n';

function yearOf(date: string | null): number | null {
  const y = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isInteger(y) && y > 0 ? y : null;
}

/** A title for a document that names none: its first sentence, shortened, or the file name. */
function fallbackTitle(source: SourceText, path: string): string {
  const first = source.blocks[0]?.text ?? '';
  const words = first.split(' ').slice(0, 12);
  return words.length ? words.join(' ') + (first.split(' ').length > 12 ? '\u2026' : '') : (path.split('/').pop() ?? path);
}

/**
 * The source document of a reader's blocks: its text (blocks separated by blank lines), paragraphs and
 * sentences, the metadata, and for a paged format the offsets where pages 2, 3, … begin.
 */
export function documentFromBlocks(uri: string, path: string, source: SourceText): SourceDocument {
  const parts: string[] = [];
  const paragraphs: SourceParagraph[] = [];
  const sentences: SourceSentence[] = [];
  const pageStarts: number[] = [];
  let page = 1;
  let offset = 0;
  for (const block of source.blocks) {
    if (parts.length) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    const start = offset;
    const end = start + block.text.length;
    parts.push(block.text);
    offset = end;
    // Pages the block starts on or after: a block that begins a page marks it at its start.
    for (; block.page !== undefined && page < block.page; page++) pageStarts.push(start);
    for (const at of block.pageBreaks ?? []) {
      pageStarts.push(start + at);
      page++;
    }
    const index = paragraphs.length;
    const spans =
      block.kind === 'body' ? splitSentences(block.text).map((s) => ({ start: start + s.start, end: start + s.end })) : [{ start, end }];
    paragraphs.push({ start, end, kind: block.kind, firstSentence: sentences.length, sentenceCount: spans.length });
    for (const s of spans) sentences.push({ ...s, paragraph: index });
  }
  const { meta } = source;
  const text = parts.join('');
  return {
    uri,
    path,
    text,
    title: meta.title ?? source.blocks.find((b) => b.kind !== 'body')?.text ?? fallbackTitle(source, path),
    date: meta.date,
    year: yearOf(meta.date),
    place: null,
    outlet: meta.outlet,
    format: source.format,
    authors: meta.authors,
    url: meta.url,
    doi: meta.doi,
    language: meta.language,
    paragraphs,
    sentences,
    ...(source.format === 'pdf' ? { pageStarts } : {}),
  };
}
