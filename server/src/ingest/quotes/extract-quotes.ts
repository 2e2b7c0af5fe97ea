import type { DocumentActors } from '../../domain/actor-types';
import type { SourceDocument, SourceSentence } from '../../domain/source-document';
import { resolveSpeaker, speakerAfter, speakerBefore, type SpeakerRef } from './attribution';
import { findIndirectQuotes, type IndirectCandidate } from './indirect-quotes';
import { findMarkedQuotes, type MarkedQuote } from './quote-marks';
import type { QuoteKind, SourceQuote } from '../../domain/quote-types';
import { NameBook } from '../../mentions/speaker-names';
import { CLOSING_VERBS, OCCUPATIONS, ROLE_NOUNS, SOURCE_NOUNS, SPEECH_VERBS, STOP_CAPS } from '../../mentions/speech-words';

/** How many paragraphs back a pronoun may find its person. */
const PRONOUN_REACH = 3;
const MAX_FRAGMENT_WORDS = 3;

/** Index of the sentence containing an offset (or the last one starting before it). */
export function sentenceAt(sentences: readonly SourceSentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) n++;
  return n;
}

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

interface Tok {
  bare: string;
  start: number;
  end: number;
}

function tokens(text: string, base: number): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    out.push({
      bare: m[0].replace(/^[("“‘'\[]+|[)"”’'\],.;:!?]+$/g, '').toLowerCase(),
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  return out;
}

/** `“…,” said X`, `“…,” X said`, `“…,” X reported quoting Y`: the words right after the closing mark. */
function trailingRef(text: string, from: number, to: number): SpeakerRef | null {
  const lead = /^[\s,\u2014\u2013\-]*/.exec(text.slice(from, to))?.[0].length ?? 0;
  const start = from + lead;
  const toks = tokens(text.slice(start, to), start);
  const first = toks[0];
  if (!first) return null;
  if (CLOSING_VERBS.has(first.bare)) return speakerAfter(text.slice(first.end, to), first.end);
  const opener =
    /^[\p{Lu}]|^\p{Ll}+\p{Lu}/u.test(text.slice(first.start, first.end)) ||
    ['he', 'she', 'they', 'it', 'the', 'a', 'an', 'his', 'her', 'its'].includes(first.bare) ||
    ROLE_NOUNS.has(first.bare) ||
    OCCUPATIONS.has(first.bare) ||
    SOURCE_NOUNS.has(first.bare);
  if (!opener) return null;
  for (let k = 1; k < Math.min(toks.length, 9); k++) {
    if (!CLOSING_VERBS.has(toks[k].bare)) continue;
    const ref = speakerBefore(text.slice(start, toks[k].start), start);
    if (!ref || ref.kind === 'object' || ref.kind === 'inherit') return null;
    if (toks[k + 1]?.bare === 'quoting') {
      const quoted = speakerAfter(text.slice(toks[k + 1].end, to), toks[k + 1].end);
      if (quoted && quoted.kind !== 'other') return quoted;
    }
    return ref;
  }
  return null;
}

/** The subject at the start of a clause, past an opening adverbial (`Also on Monday, X …`). */
function clauseSubject(text: string, from: number, to: number): SpeakerRef | null {
  const s = text.slice(from, to);
  const direct = speakerAfter(s, from);
  if (direct && direct.kind !== 'other' && !(direct.kind === 'name' && STOP_CAPS.has(direct.text.toLowerCase()))) return direct;
  const comma = s.indexOf(',');
  if (comma > 0 && comma < 40)
    return speakerAfter(
      s.slice(comma + 1).trimStart(),
      from + comma + 1 + (s.slice(comma + 1).length - s.slice(comma + 1).trimStart().length),
    );
  return null;
}

/** The subject of the last speech verb in text[from, to): `X said it was “…”`, `X said: “…”`. */
function leadingRef(text: string, from: number, to: number, sentenceStart: number): SpeakerRef | null {
  const toks = tokens(text.slice(from, to), from);
  for (let k = toks.length - 1; k >= 0; k--) {
    const verb = toks[k].bare;
    if (!SPEECH_VERBS.has(verb)) continue;
    const participle = verb.endsWith('ing');
    const before = text.slice(from, toks[k].start);
    if (participle && /(?:,|\bwhile|\band)\s*$/.test(before)) return { kind: 'inherit', at: toks[k].start };
    const ref = speakerBefore(before, from, participle);
    if (ref?.kind === 'object') return clauseSubject(text, sentenceStart, toks[k].start);
    return ref;
  }
  return null;
}

/** `…, the Chilean side said in a statement.` and `according to X` anywhere in the sentence. */
function tailRef(text: string, from: number, to: number): SpeakerRef | null {
  const s = text.slice(from, to);
  const according = /\baccording to\s+/i.exec(s);
  if (according) {
    const at = from + according.index + according[0].length;
    const ref = speakerAfter(text.slice(at, to), at);
    if (ref && (ref.kind === 'name' || ref.kind === 'unnamed')) return ref;
  }
  const comma = s.lastIndexOf(',');
  if (comma < 0) return null;
  const rest = from + comma + 1;
  const toks = tokens(text.slice(rest, to), rest);
  for (let k = 1; k < Math.min(toks.length, 7); k++) {
    if (!CLOSING_VERBS.has(toks[k].bare)) continue;
    const ref = speakerBefore(text.slice(rest, toks[k].start), rest);
    return ref && ref.kind !== 'inherit' && ref.kind !== 'object' ? ref : null;
  }
  return null;
}

/**
 * `“… what now?” Lee said.`: a question or exclamation mark ends the sentence inside the quotation, so the
 * attribution is the short sentence right after it.
 */
function questionTail(doc: SourceDocument, close: number, paragraph: number): SpeakerRef | null {
  const { text, sentences } = doc;
  if (!/[?!]\s*["\u201d\u2019']?$/.test(text.slice(Math.max(0, close - 3), close))) return null;
  const next = sentences[sentenceAt(sentences, close) + 1];
  if (!next || next.paragraph !== paragraph || next.start - close > 3) return null;
  if (wordCount(text.slice(next.start, next.end)) > 10) return null;
  return trailingRef(text, close, next.end);
}

interface PreviousQuote {
  sentence: number;
  speaker: string | null;
  close: number;
}

function startOf(item: MarkedQuote | IndirectCandidate): number {
  return 'parts' in item ? item.parts[0].open : item.start;
}

/** `the Harbour Trust's “clear evidence”` and `a spokeswoman was “satisfied”`: the owner or subject of the words. */
function possessiveOrCopula(text: string, from: number, to: number): SpeakerRef | null {
  const lead = text.slice(from, to);
  const possessive = /(\p{Lu}[\p{L}\-]*(?:[ \t]+\p{Lu}[\p{L}\-]*){0,3})['’]s\s*$/u.exec(lead);
  if (possessive) {
    const words = possessive[1].split(/\s+/);
    while (words.length && STOP_CAPS.has(words[0].toLowerCase())) words.shift();
    if (words.length) return { kind: 'name', text: words.join(' '), at: from + possessive.index };
  }
  const copula =
    /\b(?:was|is|were|are|remained|remains|felt|feels|appeared|appears|seemed|seems|had been|has been|have been)\s+(?:(?:also|still|not|very|so)\s+)?$/.exec(
      lead,
    );
  if (!copula) return null;
  const ref = speakerBefore(lead.slice(0, copula.index), from);
  return ref && (ref.kind === 'name' || ref.kind === 'unnamed' || ref.kind === 'role' || ref.kind === 'pronoun') ? ref : null;
}

function isUseful(ref: SpeakerRef | null): ref is SpeakerRef {
  return ref !== null && ref.kind !== 'other' && ref.kind !== 'object';
}

/** Finds the quotations of one document and their speakers. */
export function extractQuotes(doc: SourceDocument, actors: DocumentActors): SourceQuote[] {
  const marked = findMarkedQuotes(doc);
  const book = new NameBook(doc, actors);
  book.markQuoted(marked.flatMap((q) => q.parts.map((p) => ({ start: p.open, end: p.close }))));
  const { text, sentences, paragraphs } = doc;
  const out: SourceQuote[] = [];
  let lastSpeaker: { name: string; at: number; person: boolean } | null = null;
  let previous = null as PreviousQuote | null;
  const speakerBySentence = new Map<number, string>();

  const resolve = (ref: SpeakerRef | null, at: number, paragraph: number, sameSentence: string | null): string | null =>
    resolveSpeaker(ref, {
      book,
      at,
      from: paragraphs[Math.max(0, paragraph - PRONOUN_REACH)].start,
      sameSentence,
      lastSpeaker,
    });

  const indirect = findIndirectQuotes(doc, marked);
  const items: (MarkedQuote | IndirectCandidate)[] = [...marked, ...indirect].sort((a, b) => startOf(a) - startOf(b));
  for (const item of items) {
    if (!('parts' in item)) {
      const speaker = isUseful(item.ref) ? resolve(item.ref, Math.min(item.ref.at, item.start), item.paragraph, null) : null;
      out.push({
        start: item.start,
        end: item.end,
        text: text.slice(item.start, item.end),
        kind: 'indirect',
        speaker,
        paragraph: item.paragraph,
      });
      if (speaker) lastSpeaker = { name: speaker, at: item.start, person: book.isPerson(speaker) };
      continue;
    }
    const q = item;
    const first = q.parts[0];
    const last = q.parts[q.parts.length - 1];
    const quoteText = q.parts.map((p) => text.slice(p.start, p.end)).join(' ');
    const kind = kindOf(doc, q, quoteText);
    const sOpen = sentenceAt(sentences, first.open);
    const sentence = sentences[sOpen];
    const sentenceStart = sentence && sentence.paragraph === first.paragraph ? sentence.start : paragraphs[first.paragraph].start;
    const same: PreviousQuote | null = previous && previous.sentence === sOpen ? previous : null;
    const leadFrom = Math.max(sentenceStart, same?.close ?? 0);
    const paraEnd = (p: number): number => paragraphs[p].end;
    const sentenceEnd = (part: typeof first): number => {
      const s = sentences[sentenceAt(sentences, Math.max(part.start, part.close - 1))];
      return s && s.paragraph === part.paragraph ? Math.max(s.end, part.close) : paraEnd(part.paragraph);
    };

    let ref: SpeakerRef | null = null;
    if (q.heading) {
      // Headline convention: `Name 'quote' …`.
      const lead = text.slice(paragraphs[first.paragraph].start, first.open).trim();
      // Only a person quotes this way: in `Councils 'must find sites'` the councils are told, they do not speak.
      const isName = /^\p{Lu}[\p{L}\-'’]+(?:\s+\p{Lu}[\p{L}\-'’]+){0,2}$/u.test(lead) && !STOP_CAPS.has(lead.split(/\s+/)[0].toLowerCase());
      if (isName && book.isPerson(book.fullName(lead))) {
        ref = { kind: 'name', text: lead, at: paragraphs[first.paragraph].start };
      }
    } else {
      const candidates: (() => SpeakerRef | null)[] = [
        () => (first.closed ? trailingRef(text, first.close, sentenceEnd(first)) : null),
        () => (first.closed ? questionTail(doc, first.close, first.paragraph) : null),
        () => (last !== first && last.closed ? trailingRef(text, last.close, sentenceEnd(last)) : null),
        () => leadingRef(text, leadFrom, first.open, sentenceStart),
        () => (first.closed ? tailRef(text, first.close, sentenceEnd(first)) : null),
        () => tailRef(text, sentenceStart, first.open),
      ];
      // A speaker phrase we cannot name (`the report said`) still tells whose words these are: nobody else's.
      let named = false;
      for (const c of candidates) {
        const r = c();
        if (r && r.kind !== 'other') {
          ref = r;
          break;
        }
        if (r) {
          named = true;
          break;
        }
      }
      const lead = text.slice(leadFrom, first.open);
      if (ref?.kind === 'inherit' && !same?.speaker) {
        // `…, he said, adding that … “…”` with no quote before: the speaker of the clause the participle hangs on.
        const earlier = leadingRef(text, sentenceStart, ref.at, sentenceStart);
        ref = earlier && earlier.kind !== 'inherit' ? earlier : clauseSubject(text, sentenceStart, ref.at);
      }
      if (!ref && !named && same?.speaker && !/[.!?]\s/.test(lead)) {
        // Consecutive quotations in one sentence share the speaker: `X insisted he had been “…” in “…”`.
        ref = { kind: 'inherit', at: leadFrom };
      }
      if (!ref && !named) ref = possessiveOrCopula(text, leadFrom, first.open);
      // `Lee summed it up: “…”`: a colon hands the quotation to the sentence's subject.
      if (!ref && !named && /:\s*$/.test(lead)) {
        const subject = clauseSubject(text, sentenceStart, first.open);
        if (subject && (subject.kind === 'name' || subject.kind === 'pronoun')) ref = subject;
      }
      // A quotation opening its sentence with no attribution of its own: the sentence before may name the speaker.
      if (!ref && kind === 'direct' && text.slice(sentenceStart, first.open).trim() === '' && sOpen > 0) {
        const prev = sentences[sOpen - 1];
        if (prev.paragraph >= first.paragraph - 1 && paragraphs[prev.paragraph].kind === 'body') {
          const known = speakerBySentence.get(sOpen - 1);
          if (known)
            ref = { kind: 'unnamed', text: known, at: prev.start }; // already resolved: taken as it is
          else {
            const r = leadingRef(text, prev.start, prev.end, prev.start);
            if (isUseful(r) && r.kind !== 'inherit') ref = r;
          }
        }
      }
    }

    const at = ref && ref.at < first.open ? ref.at : first.open;
    const speaker: string | null = isUseful(ref) ? resolve(ref, at, first.paragraph, same?.speaker ?? null) : null;
    out.push({ start: first.start, end: first.end, text: quoteText, kind, speaker, paragraph: first.paragraph });
    if (speaker) {
      lastSpeaker = { name: speaker, at: first.open, person: book.isPerson(speaker) };
      speakerBySentence.set(sentenceAt(sentences, Math.max(last.start, last.close - 1)), speaker);
    }
    previous = { sentence: sentenceAt(sentences, Math.max(last.start, last.close - 1)), speaker, close: last.close };
  }

  return out.sort((a, b) => a.start - b.start);
}
