/**
 * Finds quotation-mark spans in a source document: “…”, "…", ‘…’ and '…',
 * telling apostrophes (don’t, Norway’s, workers') from quote marks, and
 * joining a quotation that runs over paragraphs (news convention: a paragraph
 * that opens a quote without closing it continues in the next paragraph that
 * opens with a quote mark).
 */
import type { SourceDocument } from '../../domain/source-document';

/** One part of a quotation: the words inside the marks, as offsets. */
export interface MarkedPart {
  /** Offset of the opening mark. */
  open: number;
  /** Offsets of the quoted words (trimmed, without a trailing comma or colon). */
  start: number;
  end: number;
  /** Offset just after the closing mark, or the paragraph end when the part is unclosed. */
  close: number;
  paragraph: number;
  closed: boolean;
}

/** A quotation in marks: one part, or several when it runs over paragraphs. */
export interface MarkedQuote {
  parts: MarkedPart[];
  /** True when the enclosing paragraph is a title or heading. */
  heading: boolean;
}

const LETTER_RE = /[\p{L}\p{N}]/u;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && LETTER_RE.test(c);
}

/** Trims whitespace and a trailing comma/colon/semicolon (sentence structure, not the speaker's words). */
function trimWords(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1])) end--;
  return { start, end };
}

type Mark = 'double-curly' | 'double-straight' | 'single-curly' | 'single-straight';

/** The kind of quotation a character opens at position i, or null. */
function opens(text: string, i: number): Mark | null {
  const c = text[i];
  const prev = text[i - 1];
  const next = text[i + 1];
  if (c === '\u201c' || c === '\u201e') return 'double-curly';
  if (c === '"') return next !== undefined && !/\s/.test(next) ? 'double-straight' : null;
  if (c === '\u2018') return !isWordChar(prev) && isWordChar(next) ? 'single-curly' : null;
  if (c === "'") return !isWordChar(prev) && isWordChar(next) ? 'single-straight' : null;
  return null;
}

/** True if the character at i closes a quotation opened with `mark`. */
function closes(text: string, i: number, mark: Mark): boolean {
  const c = text[i];
  const next = text[i + 1];
  switch (mark) {
    case 'double-curly':
      return c === '\u201d' || (c === '"' && !isWordChar(next));
    case 'double-straight':
      return c === '"' || c === '\u201d';
    case 'single-curly':
      // An apostrophe has a letter after it (don’t); a closing mark does not.
      return (c === '\u2019' || c === "'") && !isWordChar(next);
    case 'single-straight':
      return c === "'" && !isWordChar(next) && !/\s/.test(text[i - 1] ?? ' ');
  }
}

function isDouble(mark: Mark): boolean {
  return mark === 'double-curly' || mark === 'double-straight';
}

/** An opening mark while a double quote is open, after a sentence end: the quote goes on in a new part. */
function reopens(text: string, i: number, openAt: number): boolean {
  const c = text[i];
  if (c !== '\u201c' && c !== '"') return false;
  if (!/\s/.test(text[i - 1] ?? '') || /\s/.test(text[i + 1] ?? ' ')) return false;
  let j = i - 1;
  while (j > openAt && /\s/.test(text[j])) j--;
  return /[.!?\u2026]/.test(text[j] ?? '');
}

/** True if a paragraph begins with an opening double quote mark. */
function opensWithQuote(text: string, start: number): boolean {
  const c = text[start];
  return c === '\u201c' || c === '"' || c === '\u201e';
}

/** Every quotation in marks in the document, in order. */
export function findMarkedQuotes(doc: SourceDocument): MarkedQuote[] {
  const { text, paragraphs } = doc;
  const out: MarkedQuote[] = [];
  let pending: MarkedQuote | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    const heading = para.kind !== 'body';
    if (pending && !opensWithQuote(text, para.start)) {
      out.push(pending);
      pending = null;
    }
    let mark: Mark | null = null;
    let openAt = -1;
    for (let i = para.start; i < para.end; i++) {
      const c = text[i];
      // Fast skip: only quote characters matter.
      if (c !== '"' && c !== "'" && (c < '\u2018' || c > '\u201f')) continue;
      if (mark === null) {
        const m = opens(text, i);
        if (m) {
          mark = m;
          openAt = i;
        }
        continue;
      }
      if (!isDouble(mark) && (c === '\u201c' || c === '"')) continue;
      if (isDouble(mark) && reopens(text, i, openAt)) {
        // `"First sentence. "Next sentence…` — a quote continued in the news style without a closing mark.
        const words = trimWords(text, openAt + 1, i);
        if (words.end > words.start) {
          const part: MarkedPart = { open: openAt, ...words, close: i, paragraph: p, closed: false };
          if (pending && (openAt === para.start || pending.parts[pending.parts.length - 1].close === openAt)) pending.parts.push(part);
          else {
            if (pending) out.push(pending);
            pending = { parts: [part], heading };
          }
        }
        openAt = i;
        continue;
      }
      if (!closes(text, i, mark)) continue;
      const words = trimWords(text, openAt + 1, i);
      const part: MarkedPart = { open: openAt, ...words, close: i + 1, paragraph: p, closed: true };
      if (words.end > words.start) {
        if (pending && (openAt === para.start || pending.parts[pending.parts.length - 1].close === openAt)) {
          pending.parts.push(part);
          out.push(pending);
        } else {
          if (pending) out.push(pending);
          out.push({ parts: [part], heading });
        }
        pending = null;
      }
      mark = null;
    }
    if (mark !== null && isDouble(mark)) {
      // Unclosed double quote: runs to the paragraph end and may continue in the next paragraph.
      const words = trimWords(text, openAt + 1, para.end);
      if (words.end > words.start) {
        const part: MarkedPart = { open: openAt, ...words, close: para.end, paragraph: p, closed: false };
        if (pending && (openAt === para.start || pending.parts[pending.parts.length - 1].close === openAt)) pending.parts.push(part);
        else {
          if (pending) out.push(pending);
          pending = { parts: [part], heading };
        }
      }
    }
    if (pending && pending.parts[pending.parts.length - 1].paragraph !== p) {
      out.push(pending);
      pending = null;
    }
    // An unclosed single mark was an apostrophe after all: dropped.
  }
  if (pending) out.push(pending);
  return out;
}
