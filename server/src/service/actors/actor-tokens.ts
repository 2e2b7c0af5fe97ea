/** The word tokens of a source document, with what name finding needs to know about each. */
import type { SourceDocument } from '../sources/source-document';
import { COUNTRY_FORMS } from './countries';
import { NAME_PARTICLES, nameKey } from './name-key';

export interface Token {
  /** Offsets of the word without a possessive ending ("Turkey" in "Turkey's"). */
  start: number;
  end: number;
  text: string;
  /** Starts with a capital letter, or is a particle joined to one ("al-Assad"). */
  cap: boolean;
  /** Two or more letters, all capitals ("PKK", "U.S."). */
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

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['\u2019\u02bc]|[-\u2010\u2011]|\.(?=\p{L}\.))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*(?:\.(?<=\p{L}\.\p{L}\.))?/gu;
const UPPER_START_RE = /^\p{Lu}/u;
const PARTICLE_CAP_RE = /^(?:al|el|ul|bin|ibn|abu)[-\u2010\u2011]\p{Lu}/u;
const HAS_LOWER_RE = /\p{Ll}/u;
const POSSESSIVE_RE = /['\u2019\u02bc][sS]$/;
const OPENING_RE = /(?:[\u201c\u2018"(:\u2014\u2013]|(?:^|\s)')\s*$/;
/** Prefixes of hyphenated ordinary words ("Anti-terror", "Pro-democracy"). Lower-case. */
const WORD_PREFIXES = new Set(['anti', 'pro', 'ex', 'non', 'post', 'pre', 'co', 'mid', 'self', 'semi', 'multi', 'cross', 'counter', 'well', 'all', 'long', 'short', 'high', 'low', 'full', 'part']);
const HYPHEN_SPLIT_RE = /^([\p{L}\p{M}]+)[-\u2010\u2011](.+)$/u;

/** Tokenises every sentence of the document once; the extractor works on these. */
export function tokenize(doc: SourceDocument): Token[] {
  const { text } = doc;
  const out: Token[] = [];
  WORD_RE.lastIndex = 0;
  doc.sentences.forEach((s, si) => {
    const body = doc.paragraphs[s.paragraph]?.kind === 'body';
    WORD_RE.lastIndex = s.start;
    let prevEnd = s.start;
    let first = true;
    for (let m = WORD_RE.exec(text); m && m.index < s.end; m = WORD_RE.exec(text)) {
      let word = m[0];
      let end = m.index + word.length;
      if (end > s.end) break;
      let possessive = false;
      let consumed = m.index + word.length;
      if (POSSESSIVE_RE.test(word) && word.length > 2) {
        word = word.slice(0, -2);
        end -= 2;
        possessive = true;
      } else if (/^['\u2019]\s/.test(text.slice(end, end + 2)) && /s$/.test(word)) {
        possessive = true;
        consumed += 1;
      }
      // "Turkish-backed", "Ankara-based": the capitalised part is a name, the rest an ordinary word.
      const split = HYPHEN_SPLIT_RE.exec(word);
      if (split && WORD_PREFIXES.has(split[1]!.toLowerCase())) {
        out.push({ ...makeToken(word, m.index, end, possessive, text.slice(prevEnd, m.index), first, si, body, text), cap: false, upper: false, key: word.toLowerCase() });
        prevEnd = consumed;
        first = false;
        continue;
      }
      if (split && !PARTICLE_CAP_RE.test(word)) {
        const head = split[1]!;
        const rest = split[2]!;
        if (!/^\p{Lu}/u.test(rest) || (COUNTRY_FORMS.has(head) && COUNTRY_FORMS.has(rest.split(/[-\u2010\u2011]/)[0]!))) {
          out.push(makeToken(head, m.index, m.index + head.length, false, text.slice(prevEnd, m.index), first, si, body, text));
          prevEnd = m.index + head.length;
          first = false;
          const restStart = m.index + head.length + 1;
          out.push(makeToken(rest.replace(/['\u2019\u02bc][sS]$/, ''), restStart, end, possessive, '-', false, si, body, text));
          prevEnd = consumed;
          continue;
        }
      }
      out.push(makeToken(word, m.index, end, possessive, text.slice(prevEnd, m.index), first, si, body, text));
      prevEnd = consumed;
      first = false;
    }
  });
  return out;
}

function makeToken(
  word: string, start: number, end: number, possessive: boolean, rawGap: string, first: boolean, sentence: number, body: boolean, text: string,
): Token {
  const gap = rawGap.replace(/\s+/g, '');
  const cap = UPPER_START_RE.test(word) || PARTICLE_CAP_RE.test(word);
  const letters = word.replace(/[^\p{L}]/gu, '');
  const upper = letters.length >= 2 && !HAS_LOWER_RE.test(word) && UPPER_START_RE.test(word);
  const sentenceStart = first || OPENING_RE.test(text.slice(Math.max(0, start - 3), start));
  const lower = word.toLowerCase();
  return {
    start, end, text: word, cap, upper, possessive, sentenceStart, gap, sentence, body,
    key: NAME_PARTICLES.has(lower) ? '' : cap || upper ? nameKey(word) : lower,
  };
}
