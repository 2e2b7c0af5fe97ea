/** How a source quotation is shown: speaker, source label and its paragraph as escaped Markdown. */
import { pageAt } from '../../domain/source-pages';
import type { ServiceContext } from '../context';
import { escapeMarkdown, inlineCode, plainText } from '../../text/escape-markdown';
import type { IndexedQuote } from '../../store/source-store';

/** Characters of paragraph shown on each side of the quotation. */
const CONTEXT_CHARS = 320;

/** The speaker's canonical name, or a plain "Unattributed". */
export function speakerDisplay(ctx: ServiceContext, q: IndexedQuote): string {
  if (!q.quote.speaker) return 'Unattributed';
  return plainText(ctx.knowledge().actors.findByName(q.quote.speaker)?.name ?? q.quote.speaker);
}

/** `Source title (date)`. */
export function sourceLabel(q: IndexedQuote): string {
  const { doc } = q.unit;
  const page = pageAt(doc.pageStarts, q.quote.start);
  return `${plainText(doc.title)}${doc.date ? ` (${doc.date})` : ''}${page ? `, p. ${page}` : ''}`;
}

function cut(text: string, fromEnd: boolean): string {
  if (text.length <= CONTEXT_CHARS) return text;
  if (fromEnd) {
    const s = text.slice(text.length - CONTEXT_CHARS);
    return '\u2026' + s.slice(s.indexOf(' ') + 1);
  }
  const s = text.slice(0, CONTEXT_CHARS);
  return s.slice(0, s.lastIndexOf(' ')) + '\u2026';
}

/** The quotation's paragraph in escaped Markdown with the quoted words in bold, and where it comes from. */
export function quoteContextMarkdown(ctx: ServiceContext, q: IndexedQuote): string {
  const { doc } = q.unit;
  const para = doc.paragraphs[q.quote.paragraph];
  const start = para ? Math.min(para.start, q.quote.start) : q.quote.start;
  const end = para ? Math.max(para.end, q.quote.end) : q.quote.end;
  const before = cut(doc.text.slice(start, q.quote.start), true);
  const quoted = doc.text.slice(q.quote.start, q.quote.end);
  const after = cut(doc.text.slice(q.quote.end, end), false);
  const kind = q.quote.kind === 'indirect' ? ' (reported speech)' : '';
  const key = ctx.knowledge().sources.keyOf(q.unit);
  return [
    `${escapeMarkdown(before)}**${escapeMarkdown(quoted)}**${escapeMarkdown(after)}`,
    '',
    `\u2014 ${escapeMarkdown(speakerDisplay(ctx, q))}${kind}, *${escapeMarkdown(sourceLabel(q))}* ${inlineCode(key)}`,
  ].join('\n');
}
