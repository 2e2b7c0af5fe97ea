import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument, DraftQuotation } from '../drafts/draft-document';
import { escapeMarkdown, inlineCode, plainText } from '../../text/escape-markdown';
import { rangeAt } from '../../text/line-index';
import { matchQuotation, verbatimSentence } from './match-quotation';
import { quoteContextMarkdown, sourceLabel, speakerDisplay } from './quote-presentation';

/** The draft quotation under the cursor (marks included). */
export function quotationAt(draft: DraftDocument, offset: number): DraftQuotation | undefined {
  return draft.quotations.find((q) => offset >= q.start && offset < q.end);
}

/** Hover on a quotation in the draft: who said it and where, or "Not found in the sources". */
export function quoteHover(ctx: ServiceContext, draft: DraftDocument, offset: number): Hover | null {
  const quotation = quotationAt(draft, offset);
  if (!quotation) return null;
  const k = ctx.knowledge();
  const range = rangeAt(draft, quotation.start, quotation.end);
  const match = matchQuotation(k, quotation.text);
  if (match?.exact) {
    const { q } = match;
    const line = k.sources.location(q.unit, q.quote.start, q.quote.end).range.start.line + 1;
    const value = [
      `**${escapeMarkdown(speakerDisplay(ctx, q))}**${q.quote.kind === 'indirect' ? ' (reported speech)' : ''} \u2014 ${escapeMarkdown(sourceLabel(q))}`,
      '',
      `${inlineCode(k.sources.keyOf(q.unit))} \u00b7 ${escapeMarkdown(q.unit.doc.path)}, line ${line}`,
      '',
      '---',
      '',
      quoteContextMarkdown(ctx, q),
    ].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  const sentence = verbatimSentence(k, quotation.text);
  if (sentence) {
    const { unit } = sentence;
    const line = k.sources.location(unit, sentence.start, sentence.end).range.start.line + 1;
    const value = [
      `In the source text, not as a quotation \u2014 ${escapeMarkdown(plainText(unit.doc.title))}${unit.doc.date ? ` (${unit.doc.date})` : ''}`,
      '',
      `${inlineCode(k.sources.keyOf(unit))} \u00b7 ${escapeMarkdown(unit.doc.path)}, line ${line}`,
      '',
      '---',
      '',
      escapeMarkdown(unit.doc.text.slice(sentence.start, sentence.end)),
    ].join('\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  const close =
    match && match.similarity >= 0.6
      ? `\n\nClosest source wording (${escapeMarkdown(speakerDisplay(ctx, match.q))}): \u201c${escapeMarkdown(match.sourceText)}\u201d`
      : '';
  return { contents: { kind: MarkupKind.Markdown, value: `**Not found in the sources.**${close}` }, range };
}
