import type { DocumentActors } from '../../domain/actor-types';
import type { SourceDocument } from '../../domain/source-document';
import type { QuoteKind, SourceQuote } from '../../domain/quote-types';
import { NameBook } from '../../mentions/speaker-names';
import { Attributor, wordCount } from './attribution';
import { speakersFromRepeats } from './repeated-quotes';
import { findIndirectQuotes, type IndirectCandidate } from './indirect-quotes';
import { findMarkedQuotes, type MarkedQuote } from './quote-marks';

const MAX_FRAGMENT_WORDS = 3;

function kindOf(doc: SourceDocument, q: MarkedQuote, text: string): QuoteKind {
  if (wordCount(text) <= MAX_FRAGMENT_WORDS) return 'fragment';
  const first = q.parts[0];
  const startsUpper = /^[\p{Lu}\p{N}"'“‘(\[….]/u.test(doc.text[first.start] ?? '');
  let i = first.open - 1;
  while (i >= 0 && (doc.text[i] === ' ' || doc.text[i] === '\t')) i--;
  const para = doc.paragraphs[first.paragraph];
  const before = i < para.start ? '' : doc.text[i];
  const opensClause = before === '' || /[.!?:,;\u2014\u2013\-(\u201d"\u2019]/.test(before);
  return startsUpper && opensClause ? 'direct' : 'partial';
}

function startOf(item: MarkedQuote | IndirectCandidate): number {
  return 'parts' in item ? item.parts[0].open : item.start;
}

/** Finds the quotations of one document (marked and reported) and their speakers, in one attribution pass. */
export function extractQuotes(doc: SourceDocument, actors: DocumentActors): SourceQuote[] {
  const marked = findMarkedQuotes(doc);
  const book = new NameBook(doc, actors);
  book.markQuoted(marked.flatMap((q) => q.parts.map((p) => ({ start: p.open, end: p.close }))));
  const { text } = doc;
  const attributor = new Attributor(doc, book);
  const out: SourceQuote[] = [];
  const items: (MarkedQuote | IndirectCandidate)[] = [...marked, ...findIndirectQuotes(doc, marked)].sort(
    (a, b) => startOf(a) - startOf(b),
  );
  for (const item of items) {
    if (!('parts' in item)) {
      const speaker = attributor.speakerOf({ reported: item });
      out.push({
        start: item.start,
        end: item.end,
        text: text.slice(item.start, item.end),
        kind: 'indirect',
        speaker,
        paragraph: item.paragraph,
      });
      continue;
    }
    const first = item.parts[0];
    const quoteText = item.parts.map((p) => text.slice(p.start, p.end)).join(' ');
    const kind = kindOf(doc, item, quoteText);
    const speaker = attributor.speakerOf({ marked: item, direct: kind === 'direct' });
    const parts = item.parts.length > 1 ? item.parts.map((p) => ({ start: p.start, end: p.end, paragraph: p.paragraph })) : undefined;
    out.push({
      start: first.start,
      end: first.end,
      text: quoteText,
      kind,
      speaker,
      paragraph: first.paragraph,
      ...(parts ? { parts } : {}),
    });
  }
  speakersFromRepeats(doc, out);
  return out.sort((a, b) => a.start - b.start);
}
