/** The word tokens of a source document, with what name finding needs to know about each. */
import type { SourceDocument } from '../domain/source-document';
import { COUNTRY_FORMS } from './countries';
import { NAME_PARTICLES, nameKey } from './name-key';
import { ROLE_HEADS, ROLE_MODIFIERS } from './name-lexicon';

export interface Token {
  /** Offsets of the word without a possessive ending ("Norway" in "Norway's"). */
  start: number;
  end: number;
  text: string;
  /** Starts with a capital letter, or is a particle joined to one ("al-Rashid"). */
  cap: boolean;
  /** Two or more letters, all capitals ("NATO", "U.S."). */
  upper: boolean;
  /** Followed by 's or a lone apostrophe. */
  possessive: boolean;
  /** First word of a sentence or of a quotation. */
  sentenceStart: boolean;
  /** Non-space characters between the previous token of the sentence and this one ("," "(" "“"). */
  gap: string;
  /** Sentence index in the document. */
  sentence: number;
  /** True when the sentence is in the body (not the title or a heading). */
  body: boolean;
  /** Merge key of the word ("" for a lone particle such as "al"). */
  key: string;
}

const WORD_RE =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['\u2019\u02bc]|[-\u2010\u2011]|\.(?=\p{L}\.))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*(?:\.(?<=\p{L}\.\p{L}\.))?/gu;
const PARTICLE_CAP_RE = /^(?:al|el|ul|bin|ibn|abu)[-\u2010\u2011]\p{Lu}/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u02bc']);
/** Prefixes of hyphenated ordinary words ("Anti-terror", "Pro-democracy"). Lower-case. */
const WORD_PREFIXES = new Set([
  'anti',
  'pro',
  'ex',
  'non',
  'post',
  'pre',
  'co',
  'mid',
  'self',
  'semi',
  'multi',
  'cross',
  'counter',
  'well',
  'all',
  'long',
  'short',
  'high',
  'low',
  'full',
  'part',
]);
const HYPHEN_SPLIT_RE = /^([\p{L}\p{M}]+)[-\u2010\u2011](.+)$/u;

const isTitleLexeme = (w: string): boolean => ROLE_HEADS.has(w.toLowerCase()) || ROLE_MODIFIERS.has(w.toLowerCase());
const isUpperChar = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c > '\u007f' && c !== c.toLowerCase() && c === c.toUpperCase());
const isLowerChar = (c: string): boolean => (c >= 'a' && c <= 'z') || (c > '\u007f' && c !== c.toUpperCase() && c === c.toLowerCase());
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 160;
const ASCII_WORD_RE = /^[A-Za-z]+$/;

/** The merge key of one word, with a fast path for plain ASCII words. */
function wordKey(word: string): string {
  return ASCII_WORD_RE.test(word) ? word.toLowerCase() : nameKey(word);
}

/** Non-space characters of text[from, to), without allocating when there are none. */
function gapOf(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A line break ends a name: captions and lists run into the next line without punctuation.
    if (c === 10 || c === 13) out += '\u00b6';
    else if (!isSpace(c)) out += text[i];
  }
  return out;
}

/** Tokenises every sentence of the document once; the extractor works on these. */
export function tokenize(doc: SourceDocument): Token[] {
  const { text } = doc;
  const out: Token[] = [];
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    const body = doc.paragraphs[s.paragraph]?.kind === 'body';
    WORD_RE.lastIndex = s.start;
    let prevEnd = s.start;
    let first = true;
    for (let m = WORD_RE.exec(text); m && m.index < s.end; m = WORD_RE.exec(text)) {
      let word = m[0];
      let end = m.index + word.length;
      if (end > s.end) break;
      let possessive = false;
      let consumed = end;
      const last = word.charCodeAt(word.length - 1);
      if ((last === 115 || last === 83) && word.length > 2 && APOSTROPHES.has(word[word.length - 2])) {
        word = word.slice(0, -2);
        end -= 2;
        possessive = true;
      } else if (last === 115 && APOSTROPHES.has(text[end] ?? '') && isSpace(text.charCodeAt(end + 1))) {
        possessive = true;
        consumed += 1;
      }
      const gap = gapOf(text, prevEnd, m.index);
      const hyphen = word.indexOf('-') >= 0 || word.indexOf('\u2010') >= 0 || word.indexOf('\u2011') >= 0;
      const split = hyphen ? HYPHEN_SPLIT_RE.exec(word) : null;
      // `ex-Home Secretary`: "ex-" before a capitalised title word stays a capitalised title word.
      const exTitle = split !== null && /^ex$/i.test(split[1]) && isUpperChar(split[2][0]) && isTitleLexeme(split[2]);
      if (split && WORD_PREFIXES.has(split[1].toLowerCase()) && !exTitle) {
        // "Anti-terror", "Pro-democracy": an ordinary word.
        // Set on the token made, not spread into a copy: every token keeps one shape (the extractor's hot loops read them).
        const token = makeToken(word, m.index, end, possessive, gap, first, si, body, text);
        token.cap = false;
        token.upper = false;
        token.key = word.toLowerCase();
        out.push(token);
        prevEnd = consumed;
        first = false;
        continue;
      }
      if (split && !exTitle && !PARTICLE_CAP_RE.test(word)) {
        // "French-backed", "Paris-based": the capitalised part is a name, the rest an ordinary word.
        const head = split[1];
        const rest = split[2];
        if (!isUpperChar(rest[0]) || (COUNTRY_FORMS.has(head) && COUNTRY_FORMS.has(rest.split(/[-\u2010\u2011]/)[0]))) {
          out.push(makeToken(head, m.index, m.index + head.length, false, gap, first, si, body, text));
          first = false;
          out.push(makeToken(rest, m.index + head.length + 1, end, possessive, '-', false, si, body, text));
          prevEnd = consumed;
          continue;
        }
      }
      const token = makeToken(word, m.index, end, possessive, gap, first, si, body, text);
      if (exTitle) token.cap = true;
      out.push(token);
      prevEnd = consumed;
      first = false;
    }
  }
  return out;
}

function makeToken(
  word: string,
  start: number,
  end: number,
  possessive: boolean,
  gap: string,
  first: boolean,
  sentence: number,
  body: boolean,
  text: string,
): Token {
  const c0 = word[0];
  // "eBay", "iTunes": a brand written with a lower-case first letter before a capital is capitalised too.
  const camel = word.length >= 3 && isLowerChar(c0) && isUpperChar(word[1]) && isLowerChar(word[2]);
  const cap = isUpperChar(c0) || PARTICLE_CAP_RE.test(word) || camel;
  let upper = false;
  if (cap && word.length >= 2) {
    upper = true;
    let letters = 0;
    for (let i = 0; i < word.length && upper; i++) {
      const c = word[i];
      if (isLowerChar(c)) upper = false;
      else if (isUpperChar(c)) letters++;
    }
    upper = upper && letters >= 2;
  }
  // Only capitalised words need to know (it decides whether a capital means a name).
  const sentenceStart = first || ((cap || upper) && opensQuote(text, start));
  const lower = word.toLowerCase();
  return {
    start,
    end,
    text: word,
    cap,
    upper,
    possessive,
    sentenceStart,
    gap,
    sentence,
    body,
    key: NAME_PARTICLES.has(lower) ? '' : cap || upper ? wordKey(word) : lower,
  };
}

/** True when the word follows an opening quote, parenthesis, colon or dash: a new sentence-like start. */
function opensQuote(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const c = text[i];
  if (c === undefined) return true;
  if ('\u201c\u2018"(:\u2014\u2013'.includes(c)) return true;
  return c === "'" && (i === 0 || isSpace(text.charCodeAt(i - 1)));
}
