import { splitSentences, trimSpan } from '../../text/sentence-splitter';
import type { ParagraphKind, SourceDocument, SourceParagraph, SourceSentence } from '../../domain/source-document';
import {
  BYLINE_START_RE,
  CHROME_LINES,
  CREDIT_LINE_PATTERNS,
  DATE_TAG_RE,
  DATELINE_PLACE_RE,
  MONTHS,
  SOURCE_LINK_RE,
  WRITTEN_DATE_RE,
} from './source-layout';

/** Longest line, in words, that can be a heading when it has no final punctuation. */
const MAX_HEADING_WORDS = 14;
/** Length of a title made from the first sentence when the article has no title line. */
const FALLBACK_TITLE_WORDS = 12;

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Non-empty lines of the text with their trimmed offsets. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = trimSpan(text, m.index, m.index + m[0].length);
    if (span.end > span.start) out.push({ ...span, text: text.slice(span.start, span.end) });
  }
  return out;
}

function isChrome(line: string): boolean {
  return CHROME_LINES.has(line.toLowerCase()) || CREDIT_LINE_PATTERNS.some((re) => re.test(line));
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

/** ISO date of a written date ("September 24 2022"), or null. */
export function parseWrittenDate(text: string): string | null {
  const m = WRITTEN_DATE_RE.exec(text);
  if (!m) return null;
  const [month, day, year] = m[1] ? [m[1], m[2], m[3]] : [m[5], m[4], m[6]];
  const mm = monthNumber(month);
  const dd = Number(day);
  if (mm < 1 || dd < 1 || dd > 31) return null;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

function isByline(line: string): boolean {
  if (!WRITTEN_DATE_RE.test(line)) return false;
  if (BYLINE_START_RE.test(line)) return true;
  // A line that is little more than a date.
  return line.replace(WRITTEN_DATE_RE, '').replace(/[\s,.\-\u2013\u2014|:]/g, '').length <= 12;
}

function titleCase(place: string): string {
  return place.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function endsWithTerminal(line: string): boolean {
  return /[.!?\u2026:;,]["'\u201d\u2019)\]]*$/.test(line);
}

/** Runs of non-space characters (`s.split(/\s+/).filter(Boolean).length`, counted without building the array). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** What `\s` matches in a pattern: ASCII and Unicode spaces, line and paragraph separators, the byte-order mark. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function shortenTitle(sentence: string): string {
  const ws = sentence.replace(/\s+/g, ' ').split(' ');
  if (ws.length <= FALLBACK_TITLE_WORDS) return sentence.replace(/[.!?]+$/, '');
  return (
    ws
      .slice(0, FALLBACK_TITLE_WORDS)
      .join(' ')
      .replace(/[,;:]$/, '') + '\u2026'
  );
}

/** Parses a source file's text into metadata, paragraphs and sentences. Never throws. */
export function parseSource(uri: string, path: string, text: string): SourceDocument {
  let date: string | null = null;
  let place: string | null = null;
  let outlet: string | null = null;
  let titleLine: Line | null = null;
  const paragraphs: SourceParagraph[] = [];
  const sentences: SourceSentence[] = [];

  const addParagraph = (start: number, end: number, kind: ParagraphKind): void => {
    const spans = kind === 'body' ? splitSentences(text, start, end) : [{ start, end }];
    const index = paragraphs.length;
    paragraphs.push({ start, end, kind, firstSentence: sentences.length, sentenceCount: spans.length });
    for (const s of spans) sentences.push({ start: s.start, end: s.end, paragraph: index });
  };

  const all = lines(text);
  let seenContent = false;
  for (const line of all) {
    let { start } = line;
    let body = line.text;
    const link = SOURCE_LINK_RE.exec(body);
    if (link) {
      outlet ??= link[1].toLowerCase();
      continue;
    }
    if (isChrome(body)) continue;
    if (!seenContent || date === null) {
      const tag = DATE_TAG_RE.exec(body);
      if (tag && !seenContent) {
        date = `${tag[1]}-${tag[2]}-${tag[3]}`;
        start += tag[0].length;
        body = text.slice(start, line.end);
        const dl = DATELINE_PLACE_RE.exec(body);
        if (dl) {
          place = titleCase(dl[1].trim());
          start += dl[0].length;
          body = text.slice(start, line.end);
        }
        if (!body.trim()) continue;
      } else if (paragraphs.length <= 3 && wordCount(body) <= 16 && isByline(body)) {
        date ??= parseWrittenDate(body);
        continue;
      }
    }
    const terminal = endsWithTerminal(body);
    const words = wordCount(body);
    let kind: ParagraphKind = 'body';
    if (!seenContent && !terminal && words <= 30 && start === line.start) {
      kind = 'title';
      titleLine = { start, end: line.end, text: body };
    } else if (!terminal && words <= MAX_HEADING_WORDS) {
      kind = 'heading';
    }
    seenContent = true;
    addParagraph(start, line.end, kind);
  }

  let title = titleLine?.text ?? '';
  if (!title) {
    const first = sentences.find((s) => paragraphs[s.paragraph].kind === 'body');
    title = first ? shortenTitle(text.slice(first.start, first.end)) : (path.split('/').pop() ?? path);
  }
  const year = date ? Number(date.slice(0, 4)) : null;
  return { uri, path, text, title: title.replace(/\s+/g, ' '), date, year, place, outlet, paragraphs, sentences };
}
