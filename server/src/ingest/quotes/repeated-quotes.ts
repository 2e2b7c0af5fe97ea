/**
 * Quotations an article repeats: a headline or a standfirst often quotes a few words that the body quotes again
 * in full with their speaker (`Pills 'burned her up from within'` … `“She was literally burning up from within,”
 * her mother said`). The short one, with no speaker of its own (or a headline's), takes the body's speaker.
 */
import type { SourceDocument } from '../../domain/source-document';
import type { SourceQuote } from '../../domain/quote-types';

/** Fewest words a repeated quotation has: shorter ones are scare quotes and terms (`a safe haven`), repeated by anyone. */
const MIN_WORDS = 4;
/** Share of the short quotation's words the longer one must hold, in order. */
const MIN_SHARE = 0.75;
/** Letters two forms of a word share at the start (`burned` / `burning`). */
const STEM = 4;

const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= STEM && b.length >= STEM && a.slice(0, STEM) === b.slice(0, STEM));
}

/** Whether `long` holds the words of `short` in order (forms of a word allowed), close together. */
export function repeats(short: string, long: string): boolean {
  const a = wordsOf(short);
  const b = wordsOf(long);
  if (a.length < MIN_WORDS) return false;
  let at = 0;
  let first = -1;
  let last = -1;
  let matched = 0;
  let longWords = 0;
  for (const w of a) {
    const i = b.findIndex((x, k) => k >= at && sameWord(w, x));
    if (i < 0) continue;
    if (first < 0) first = i;
    last = i;
    at = i + 1;
    matched++;
    if (w.length >= STEM) longWords++;
  }
  return matched / a.length >= MIN_SHARE && longWords >= 2 && last - first <= 2 * a.length + 2;
}

/**
 * Gives each unattributed body quotation, and each quotation in the title or standfirst, the speaker of an
 * attributed body quotation repeating it. Crossheads are left alone: they sum up a section in the editor's words.
 */
export function speakersFromRepeats(doc: SourceDocument, quotes: SourceQuote[]): void {
  // A heading before the first body paragraph is the standfirst, part of the title block; later ones are crossheads.
  const firstBody = doc.paragraphs.findIndex((p) => p.kind === 'body');
  const kind = (q: SourceQuote): string | undefined => {
    const k = doc.paragraphs[q.paragraph]?.kind;
    return k === 'heading' && (firstBody < 0 || q.paragraph < firstBody) ? 'title' : k;
  };
  const sources = quotes.filter((q) => q.kind !== 'indirect' && q.speaker !== null && kind(q) === 'body');
  for (const q of quotes) {
    if (q.kind === 'indirect' || kind(q) === 'heading' || (q.speaker !== null && kind(q) === 'body')) continue;
    const source = sources.find((s) => s !== q && s.start !== q.start && repeats(q.text, s.text));
    if (source) q.speaker = source.speaker;
  }
}
