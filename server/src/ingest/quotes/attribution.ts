/**
 * Speaker attribution, one pipeline for every quotation (marked or reported): reads the words around it for
 * the patterns news prose uses (`“…,” said X`, `“…,” X said`, `X said: “…”`, `X told reporters: “…”`,
 * `according to X`, `X said it was “…”`, a headline's `Name 'quote'`), takes the speaker mention there
 * (`mentions/speaker-phrases.ts`) and resolves it to a document actor (`mentions/speaker-resolution.ts`).
 * Never reaches further than the quotation's sentence and the one before it.
 */
import type { SourceDocument, SourceSentence } from '../../domain/source-document';
import type { NameBook } from '../../mentions/speaker-names';
import { speakerAfter, speakerBefore, speakerBeforeVerb, type SpeakerRef } from '../../mentions/speaker-phrases';
import { bareRole, resolveSpeaker, type ResolvedSpeaker } from '../../mentions/speaker-resolution';
import {
  CLOSING_VERBS,
  DOCUMENT_NOUNS,
  OCCUPATIONS,
  ROLE_NOUNS,
  SOURCE_NOUNS,
  SPEECH_VERBS,
  STOP_CAPS,
  TITLE_WORDS,
} from '../../mentions/speech-words';
import type { MarkedQuote } from './quote-marks';

/** How many paragraphs back a pronoun may find its person. */
const PRONOUN_REACH = 3;

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

/** Words in a text (a hyphenated or elided word counts once). */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)) n++;
  return n;
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

/** An unnamed source that is one person: `a spokeswoman for Acme`, `a senior official`. */
const PERSON_SOURCE_RE = /\b(?:spokesman|spokeswoman|spokesperson|official|source|aide|diplomat|insider|adviser|advisor|executive)\b/;

/** First-person words: the quotation is someone speaking for themselves. */
const FIRST_PERSON_RE = /(?:^|[^\p{L}])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|[Uu]s)(?![\p{L}])/u;

/** `the paper quoted X as saying` right after a quotation, within its sentence. */
const QUOTED_AS_RE = /^[^.!?\u201c"]{0,50}?\bquot(?:ed|es)\s+([^.!?]{2,60}?)\s+as\s+(?:saying|telling|writing)\b/;
/** `“…,” the agency was quoted as saying`: the subject of the passive is the speaker. */
const PASSIVE_QUOTED_RE = /^([^.!?\u201c"]{2,60}?)\s+(?:was|were|is|are)\s+quoted\s+as\s+(?:saying|telling|writing)\b/;

/** Verbs of taking a stand in public: a quotation right after a sentence whose subject did this is the subject's. */
const STANCE_VERBS_RE =
  /\b(?:call(?:s|ed)? for|(?:renew|repeat|reiterat|echo)(?:ed|es|s)? (?:\S+ )?calls?|urg(?:ed|es)|warn(?:ed|s)|insist(?:ed|s)|argu(?:ed|es)|criticis(?:ed|es)|defend(?:ed|s)|demand(?:ed|s)|dismiss(?:ed|es)|reject(?:ed|s)|accus(?:ed|es)|prais(?:ed|es)|condemn(?:ed|s)|(?:issu|releas|publish|post)(?:ed|es|s)? (?:a|an|its|their|the) (?:\S+ )?(?:statement|letter|note|memo))\b/i;

/** Plural present verbs of speech, read only after a team's noun (`… and colleagues conclude`). */
const TEAM_VERBS = new Set(['conclude', 'write', 'explain', 'note', 'suggest', 'argue', 'warn', 'report']);
const TEAM_NOUNS = new Set(['colleagues', 'co-authors', 'coauthors', 'collaborators', 'team']);

/** Verbs by which a document speaks: `the statement read`. */
const DOCUMENT_VERBS = new Set(['read', 'reads']);

function isDocument(ref: SpeakerRef | null): boolean {
  return ref?.kind === 'descriptor' && ref.of === 'document';
}

/** `“…,” said X`, `“…,” X said`, `“…,” X reported quoting Y`: the words right after the closing mark. */
function trailingRef(text: string, from: number, to: number): SpeakerRef | null {
  const lead = /^[\s,\u2014\u2013\-]*/.exec(text.slice(from, to))?.[0].length ?? 0;
  const start = from + lead;
  const quotedAs = QUOTED_AS_RE.exec(text.slice(start, to));
  if (quotedAs) {
    // `“…”, the paper quoted Mr X as saying`: the person quoted is the speaker, not the paper.
    const at = start + quotedAs.index + quotedAs[0].indexOf(quotedAs[1]);
    const ref = speakerAfter(quotedAs[1], at);
    if (ref && ref.kind !== 'other') return ref;
  }
  const passive = PASSIVE_QUOTED_RE.exec(text.slice(start, to));
  if (passive) {
    const ref = speakerBefore(passive[1], start);
    if (ref && ref.kind !== 'other' && ref.kind !== 'object' && ref.kind !== 'inherit') return ref;
  }
  const toks = tokens(text.slice(start, to), start);
  const first = toks[0];
  if (!first) return null;
  // `“…,” read a statement from Acme.`: whoever issued the statement.
  const issued =
    /^(?:read|reads|said|says)\s+(?:a|an|the)\s+(?:[\p{Ll}\-]+\s+){0,2}?(?:statement|release|letter|note|memo|post)\s+(?:issued\s+)?(?:from|by)\s+(?:the\s+)?/u.exec(
      text.slice(start, to),
    );
  if (issued) {
    const owner = speakerAfter(text.slice(start + issued[0].length, to), start + issued[0].length);
    if (owner?.kind === 'name') return owner;
  }
  if (CLOSING_VERBS.has(first.bare)) return speakerAfter(text.slice(first.end, to), first.end);
  // `“…” — Ana Lee, a resident.`: a dash, then a name with no verb, signs the quotation.
  if (/[\u2014\u2013]/.test(text.slice(from, start)) && !toks.some((t) => SPEECH_VERBS.has(t.bare))) {
    const signed = speakerAfter(text.slice(start, to), start);
    if (signed?.kind === 'name') return signed;
  }
  const opener =
    /^[\p{Lu}]|^\p{Ll}+\p{Lu}/u.test(text.slice(first.start, first.end)) ||
    ['he', 'she', 'they', 'it', 'the', 'a', 'an', 'his', 'her', 'its'].includes(first.bare) ||
    ROLE_NOUNS.has(first.bare) ||
    OCCUPATIONS.has(first.bare) ||
    SOURCE_NOUNS.has(first.bare) ||
    describedName(text, toks);
  if (!opener) return null;
  // `“…,” Ana Lee, a spokeswoman for the Acme Dairy Board, told …`: an apposition after the name puts the verb further.
  const reach = toks.slice(0, 4).some((t) => text[t.end - 1] === ',') ? 16 : 9;
  for (let k = 1; k < Math.min(toks.length, reach); k++) {
    const documentVerb = DOCUMENT_VERBS.has(toks[k].bare);
    if (!CLOSING_VERBS.has(toks[k].bare) && !documentVerb) continue;
    const ref = speakerBeforeVerb(text.slice(start, toks[k].start), start);
    if (documentVerb && !isDocument(ref)) continue;
    if (!ref || ref.kind === 'object' || ref.kind === 'inherit') return null;
    if (toks[k + 1]?.bare === 'quoting') {
      const quoted = speakerAfter(text.slice(toks[k + 1].end, to), toks[k + 1].end);
      if (quoted && quoted.kind !== 'other') return quoted;
    }
    return ref;
  }
  return null;
}

/** `“…,” investment bank Acme Capital said`: one or two plain words describing a name, then the name, then the verb. */
function describedName(text: string, toks: Tok[]): boolean {
  const cap = (t: Tok | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(text.slice(t.start, t.end));
  const c = cap(toks[1]) ? 1 : cap(toks[2]) ? 2 : -1;
  if (c < 0 || toks.slice(0, c).some((t) => !/^\p{Ll}+$/u.test(text.slice(t.start, t.end)) || STOP_CAPS.has(t.bare))) return false;
  let e = c;
  while (cap(toks[e]) && e - c < 4) e++;
  return toks[e] !== undefined && CLOSING_VERBS.has(toks[e].bare);
}

/**
 * A subject phrase read more closely: `Opposition leader Ana Lee reiterated …` is the name after the role, not the role;
 * `The prime minister's official spokesman also rejected …` is that unnamed source, not a description of someone.
 */
function refined(s: string, from: number, ref: SpeakerRef | null): SpeakerRef | null {
  if (ref?.kind === 'name') {
    // `Harbour party spokesman Ana Lee repeated …`: the name is the owner of a title before the person's name.
    const end = ref.at - from + ref.text.length;
    const title = /^\s+((?:\p{Ll}[\p{Ll}\-]*\s+){0,3}?)(\p{Ll}[\p{Ll}\-]*)\s+(?=\p{Lu}\p{Ll})/u.exec(s.slice(end));
    const head = title?.[2] ?? '';
    if (title && (ROLE_NOUNS.has(head) || TITLE_WORDS.has(head) || OCCUPATIONS.has(head))) {
      const at = end + title[0].length;
      const named = speakerAfter(s.slice(at), from + at);
      if (named?.kind === 'name') return named;
    }
  }
  if (ref?.kind === 'role') {
    const end = ref.at - from + s.slice(ref.at - from).indexOf(ref.text) + ref.text.length;
    const rest = s.slice(end);
    const lead = rest.length - rest.trimStart().length;
    if (ref.text && end > 0 && /^\s+\p{Lu}\p{Ll}/u.test(rest)) {
      const named = speakerAfter(rest.trimStart(), from + end + lead);
      if (named?.kind === 'name') return named;
    }
  }
  if (ref?.kind === 'descriptor' && ref.of === 'person') {
    const m = new RegExp(`\\b${ref.noun}\\b`).exec(s.slice(ref.at - from));
    if (m) {
      const phrase = speakerBefore(s.slice(0, ref.at - from + m.index + m[0].length), from);
      if (phrase && (phrase.kind === 'role' || phrase.kind === 'unnamed')) return phrase;
    }
  }
  return ref;
}

/** The subject at the start of a clause, past an opening adverbial (`Also on Monday, X …`). */
function clauseSubject(text: string, from: number, to: number): SpeakerRef | null {
  let s = text.slice(from, to);
  // `Earlier party leader X sent …`: an opening adverb is no part of the subject.
  const adverb = /^(?:[\p{Lu}][\p{Ll}]+)\s+(?=\p{Lu})/u.exec(s);
  if (adverb && STOP_CAPS.has(adverb[0].trim().toLowerCase())) {
    from += adverb[0].length;
    s = s.slice(adverb[0].length);
  }
  // `Referring to X, Y told …`: an opening participle is no subject; the clause after its comma has it.
  const participial = /^\p{Lu}\p{Ll}{3,}ing\s/u.test(s);
  const direct = participial ? null : refined(s, from, speakerAfter(s, from));
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
    // `as the committee has pointed out, …`: a verb of two words counts as its first.
    if (toks[k].bare === 'out' && k > 0 && /^point(?:s|ed)$/.test(toks[k - 1].bare)) {
      const ref = speakerBeforeVerb(text.slice(from, toks[k - 1].start), from);
      if (ref) return ref;
      continue;
    }
    const verb = toks[k].bare;
    if (DOCUMENT_VERBS.has(verb)) {
      // `The statement read in part: “…”`: a document speaks for whoever issued it.
      const ref = speakerBefore(text.slice(from, toks[k].start), from);
      if (isDocument(ref)) return ref;
      continue;
    }
    // `Dr Ana Lee and colleagues conclude that “…”`: a plural verb of speech after a team's noun.
    const teamVerb = TEAM_VERBS.has(verb) && k > 0 && TEAM_NOUNS.has(toks[k - 1].bare);
    if (!SPEECH_VERBS.has(verb) && !teamVerb) continue;
    const participle = verb.endsWith('ing');
    const before = text.slice(from, toks[k].start);
    const quotedAs = verb === 'saying' ? /\bquot(?:ed|es|ing)\s+(.{2,60}?)\s+as\s*$/.exec(before) : null;
    if (quotedAs) {
      // `the paper quoted Mr X as saying`: the person quoted is the speaker, not the paper.
      const at = from + quotedAs.index + quotedAs[0].indexOf(quotedAs[1]);
      const ref = speakerAfter(quotedAs[1], at);
      if (ref && ref.kind !== 'other') return ref;
    }
    if (participle && /(?:,|\bwhile|\band)\s*$/.test(before)) return { kind: 'inherit', at: toks[k].start };
    // `Said Wales coach Ana Lee: “…”`: a speech verb opening its sentence has the speaker after it.
    if (before.trim() === '' && /^\p{Lu}/u.test(text.slice(toks[k].start, toks[k].end))) {
      const after = speakerAfter(text.slice(toks[k].end, to).replace(/:\s*$/, ''), toks[k].end);
      if (after && after.kind !== 'other') return after;
    }
    const ref = speakerBeforeVerb(before, from, participle);
    if (ref?.kind === 'object') return clauseSubject(text, sentenceStart, toks[k].start);
    return ref;
  }
  return null;
}

/** `…, the Chilean side said in a statement.` and `according to X` anywhere in the sentence. */
function tailRef(text: string, from: number, to: number): SpeakerRef | null {
  const s = text.slice(from, to);
  // `according to a statement from Acme`, `according to a report by X`: whoever issued it.
  // (`… by UK-based research firm Acme`: a descriptive prefix and the kind of body stand before the name.)
  const issued =
    /\baccording to\s+(?:a|an|the)\s+(?:[\p{Ll}\-]+\s+){1,3}?(?:from|by)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*-\p{Ll}+\s+)?(?:\p{Ll}[\p{Ll}\-]*\s+){0,3}(?=\p{Lu})/iu.exec(
      s,
    );
  const according = issued ?? /\baccording to\s+/i.exec(s);
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
  const ending = /([?!.])\s*["\u201d\u2019']?$/.exec(text.slice(Math.max(0, close - 3), close))?.[1];
  if (!ending) return null;
  const next = sentences[sentenceAt(sentences, close) + 1];
  if (!next || next.paragraph !== paragraph || next.start - close > 3) return null;
  const words = text.slice(next.start, next.end);
  if (wordCount(words) > 10) return null;
  // `“… yet.” Mayor Ana Lee added.`: after a full stop only a short sentence that ends with its speech verb.
  if (ending === '.' && (wordCount(words) > 6 || !CLOSING_VERBS.has(/(\p{L}+)\W*$/u.exec(words)?.[1]?.toLowerCase() ?? ''))) return null;
  return trailingRef(text, close, next.end);
}

interface PreviousQuote {
  sentence: number;
  speaker: string | null;
  close: number;
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

/** A quotation being attributed: its marked parts, or the span of reported words with the phrase found for it. */
export type AttributionItem =
  { marked: MarkedQuote; direct: boolean } | { reported: { start: number; paragraph: number; ref: SpeakerRef | null } };

/** Attributes the quotations of one document in reading order, keeping who spoke last for pronouns and runs. */
export class Attributor {
  private lastSpeaker: { name: string; at: number; person: boolean } | null = null;
  /** The last speaker spoke through a document of theirs (`Mr X's statement said:`): `it added` is that document. */
  private lastByDocument = false;
  private previous: PreviousQuote | null = null;
  private readonly speakerBySentence = new Map<number, string>();

  constructor(
    private readonly doc: SourceDocument,
    private readonly book: NameBook,
  ) {}

  /** The speaker of the next quotation (items must come in document order), or null when the text does not say. */
  speakerOf(item: AttributionItem): string | null {
    if ('reported' in item) {
      const { ref, start, paragraph } = item.reported;
      const resolved = isUseful(ref) ? this.resolve(ref, Math.min(ref.at, start), paragraph, null) : null;
      if (resolved) this.lastSpeaker = { name: resolved.name, at: start, person: resolved.person };
      return resolved?.name ?? null;
    }
    return this.markedSpeaker(item.marked, item.direct);
  }

  private resolve(ref: SpeakerRef, at: number, paragraph: number, sameSentence: string | null): ResolvedSpeaker | null {
    const { paragraphs } = this.doc;
    return resolveSpeaker(ref, {
      book: this.book,
      at,
      from: paragraphs[Math.max(0, paragraph - PRONOUN_REACH)].start,
      paragraphStart: paragraphs[paragraph].start,
      sameSentence,
      lastSpeaker: this.lastSpeaker,
    });
  }

  private markedSpeaker(q: MarkedQuote, direct: boolean): string | null {
    const { doc, book } = this;
    const { sentences } = doc;
    const first = q.parts[0];
    const last = q.parts[q.parts.length - 1];
    const sOpen = sentenceAt(sentences, first.open);
    const same: PreviousQuote | null = this.previous && this.previous.sentence === sOpen ? this.previous : null;
    const found = q.heading ? headlineRef(doc, book, q) : this.bodyRef(q, direct, same);
    const antecedent =
      found?.kind === 'pronoun' ? (this.documentAntecedent(found, first.paragraph) ?? this.unnamedAntecedent(found, first.open)) : null;
    const ref = antecedent ?? found;
    const at = ref && ref.at < first.open ? ref.at : first.open;
    let resolved = isUseful(ref) ? this.resolve(ref, at, first.paragraph, same?.speaker ?? null) : null;
    // `The minister told delegates … “…,” she said.` with no minister named: the pronoun finds its person as usual
    // (not after `The prime minister …`: a modified title names one office, held by someone not named).
    if (
      !resolved &&
      antecedent?.kind === 'role' &&
      bareRole(antecedent.text, antecedent.role) &&
      found?.kind === 'pronoun' &&
      this.oneVoice(antecedent.at)
    ) {
      const fallback = this.resolve(found, found.at < first.open ? found.at : first.open, first.paragraph, same?.speaker ?? null);
      // Only a person the text shows to be of the pronoun's gender (`Ms X … she`): a guess is worse than no speaker.
      if (fallback && book.genderOf(fallback.name) === (found.text === 'she' ? 'f' : 'm')) resolved = fallback;
    }
    const speaker = resolved?.name ?? null;
    const closing = sentenceAt(sentences, Math.max(last.start, last.close - 1));
    if (resolved) {
      this.lastSpeaker = { name: resolved.name, at: first.open, person: resolved.person };
      this.lastByDocument = ref !== null && ref.kind === 'name' && ownedDocument(doc.text, ref.at);
      this.speakerBySentence.set(closing, resolved.name);
    }
    this.previous = { sentence: closing, speaker, close: last.close };
    return speaker;
  }

  /** The speaker phrase of a quotation in body text, by the patterns in order of strength. */
  private bodyRef(q: MarkedQuote, direct: boolean, same: PreviousQuote | null): SpeakerRef | null {
    const { doc } = this;
    const { text, sentences, paragraphs } = doc;
    const first = q.parts[0];
    const last = q.parts[q.parts.length - 1];
    const sOpen = sentenceAt(sentences, first.open);
    const sentence = sentences[sOpen];
    const sentenceStart = sentence && sentence.paragraph === first.paragraph ? sentence.start : paragraphs[first.paragraph].start;
    const leadFrom = Math.max(sentenceStart, same?.close ?? 0);
    const sentenceEnd = (part: typeof first): number => {
      const s = sentences[sentenceAt(sentences, Math.max(part.start, part.close - 1))];
      return s && s.paragraph === part.paragraph ? Math.max(s.end, part.close) : paragraphs[part.paragraph].end;
    };
    let ref: SpeakerRef | null = null;
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
      // `X renewed calls for …, warning: “…”`: a verb whose subject is no speaker phrase leaves the clause's subject.
      ref = earlier && earlier.kind !== 'inherit' && earlier.kind !== 'other' ? earlier : clauseSubject(text, sentenceStart, ref.at);
    }
    if (ref || named) return ref;
    // Consecutive quotations in one sentence share the speaker: `X insisted he had been “…” in “…”`.
    if (same?.speaker && !/[.!?]\s/.test(lead)) return { kind: 'inherit', at: leadFrom };
    const owned = possessiveOrCopula(text, leadFrom, first.open);
    if (owned) return owned;
    // `In his words, “…”`, `In the words of X, “…”`: the words are that person's.
    const inWords = /\bin\s+(?:(his|her|their)\s+(?:own\s+)?words|the\s+words\s+of\s+([^,;:.!?]{2,60}?))\s*[,:]?\s*$/i.exec(lead);
    if (inWords?.[1])
      return {
        kind: 'pronoun',
        text: { his: 'he', her: 'she', their: 'they' }[inWords[1].toLowerCase()] ?? 'they',
        at: leadFrom + inWords.index,
      };
    if (inWords?.[2]) {
      const named = speakerAfter(inWords[2], leadFrom + inWords.index + inWords[0].indexOf(inWords[2]));
      if (named && named.kind !== 'other') return named;
    }
    // `a question came from a member of the audience: “…”`: whoever the words came from.
    const source = /\bcame\s+from\s+([^,;:.!?\u201c"]{3,60}?)\s*:\s*$/.exec(lead);
    if (source) {
      const at = leadFrom + source.index + source[0].indexOf(source[1]);
      const named = speakerAfter(source[1], at);
      if (named?.kind === 'name') return named;
      const unnamed = /^(?:a|an|one)\s+(\p{Ll}[\p{Ll}\s]+)$/u.exec(source[1]);
      if (unnamed) return { kind: 'unnamed', text: unnamed[1], at };
    }
    // `Lee summed it up: “…”`: a colon hands the quotation to the sentence's subject.
    if (/:\s*$/.test(lead)) {
      const subject = clauseSubject(text, sentenceStart, first.open);
      if (subject && (subject.kind === 'name' || subject.kind === 'pronoun')) return subject;
    }
    // A quotation opening its sentence with no attribution of its own: the sentence before may name the speaker.
    if (direct && text.slice(sentenceStart, first.open).trim() === '' && sOpen > 0) {
      const prev = sentences[sOpen - 1];
      if (prev.paragraph >= first.paragraph - 1 && paragraphs[prev.paragraph].kind === 'body') {
        const known = this.speakerBySentence.get(sOpen - 1);
        if (known) return { kind: 'unnamed', text: known, at: prev.start }; // already resolved: taken as it is
        const r = leadingRef(text, prev.start, prev.end, prev.start);
        if (isUseful(r) && r.kind !== 'inherit') return r;
        // `Lib Dem spokesman X repeated his calls for … . “…”`: a named subject who called, urged or warned just before.
        const subject = STANCE_VERBS_RE.test(text.slice(prev.start, prev.end)) ? clauseSubject(text, prev.start, prev.end) : null;
        if (subject?.kind === 'name' && !/["\u201c\u201d]/.test(text.slice(prev.start, prev.end))) return subject;
      }
    }
    return this.continuation(q);
  }

  /** The sentence at `at` has one speech verb at most (`The minister told delegates …`, not `… , the aide said`). */
  private oneVoice(at: number): boolean {
    const { text, sentences } = this.doc;
    const s = sentences[sentenceAt(sentences, at)];
    return !s || tokens(text.slice(s.start, s.end), s.start).filter((t) => SPEECH_VERBS.has(t.bare)).length <= 1;
  }

  /** `Mr X's statement said: “…” It added: “…”`: `it` is the statement, so its issuer goes on speaking. */
  private documentAntecedent(ref: Extract<SpeakerRef, { kind: 'pronoun' }>, paragraph: number): SpeakerRef | null {
    const last = this.lastSpeaker;
    if (ref.text !== 'it' || !this.lastByDocument || !last) return null;
    return last.at >= this.doc.paragraphs[Math.max(0, paragraph - 1)].start ? { kind: 'unnamed', text: last.name, at: ref.at } : null;
  }

  /**
   * `A spokeswoman for Acme said … “…,” she said.`, `The party leader countered … He declared:`: an unnamed
   * source who spoke, or a role that acted, in the sentence before, with no named person acting since, is who
   * `he` or `she` is.
   */
  private unnamedAntecedent(ref: Extract<SpeakerRef, { kind: 'pronoun' }>, open: number): SpeakerRef | null {
    if (ref.text !== 'he' && ref.text !== 'she') return null;
    const { text, sentences } = this.doc;
    const s = sentenceAt(sentences, open);
    const prev = sentences[s - 1];
    if (!prev || prev.paragraph < (sentences[s]?.paragraph ?? 0) - 1) return null;
    const said = leadingRef(text, prev.start, prev.end, prev.start);
    // `The party leader countered that … He declared: “…”`: a role as the subject of the sentence before.
    const subject = clauseSubject(text, prev.start, prev.end);
    const r =
      said?.kind === 'unnamed' && PERSON_SOURCE_RE.test(said.text)
        ? said
        : (subject?.kind === 'role' || (subject?.kind === 'descriptor' && subject.of === 'person')) &&
            /^the\b/i.test(text.slice(subject.at, subject.at + 4))
          ? subject
          : null;
    if (!r) return null;
    const named = this.book.recentSubject(r.at + 1, open);
    return named ? null : r;
  }

  /**
   * Whether someone else may be speaking: a speech verb after the closing mark in the quotation's sentence (an
   * attribution not read: `said 20-year-old student X`), or one since the previous quotation whose subject is not
   * the last speaker (`His agent told the paper that …`).
   */
  private otherVoice(q: MarkedQuote, speaker: string): boolean {
    const { text, sentences } = this.doc;
    const last = q.parts[q.parts.length - 1];
    const closing = sentences[sentenceAt(sentences, Math.max(last.start, last.close - 1))];
    if (closing && tokens(text.slice(last.close, closing.end), last.close).some((t) => SPEECH_VERBS.has(t.bare))) return true;
    const since = this.previous ? text.slice(this.previous.close, q.parts[0].open) : '';
    const surname = (/(\S+)$/.exec(speaker)?.[1] ?? '').toLowerCase();
    const toks = tokens(since, 0);
    return toks.some(
      (t, k) =>
        SPEECH_VERBS.has(t.bare) &&
        !toks
          .slice(Math.max(0, k - 2), k + 4)
          .some((b) => b.bare === surname || ((b.bare === 'he' || b.bare === 'she') && b.start < t.start)),
    );
  }

  /**
   * `“…,” said X. The price is “as low as I’ve ever seen.”`: words in the first person with no attribution of their
   * own go on from the person who spoke last, in this paragraph or the one before, when nobody else is named between.
   */
  private continuation(q: MarkedQuote): SpeakerRef | null {
    const last = this.lastSpeaker;
    const first = q.parts[0];
    const { text, paragraphs, sentences } = this.doc;
    // `We “would like to get into it”.`: a short first-person lead outside the marks is the speaker's too.
    const opening = sentences[sentenceAt(sentences, first.open)];
    const lead = opening ? text.slice(Math.max(opening.start, paragraphs[first.paragraph].start), first.open) : '';
    const firstPerson = FIRST_PERSON_RE.test(text.slice(first.start, first.end)) || (wordCount(lead) <= 3 && FIRST_PERSON_RE.test(lead));
    // `“…,” X said. And yet he found nothing. “Of all the books …, not one line.”`: a whole sentence in marks, in
    // the paragraph where the person just spoke, goes on with them (a scare quote is no sentence).
    const sentence =
      lead.trim() === '' && /^\p{Lu}/u.test(text.slice(first.start, first.end)) && wordCount(text.slice(first.start, first.end)) >= 5;
    if (!firstPerson && !(sentence && last?.person && last.at >= paragraphs[first.paragraph].start && !this.otherVoice(q, last.name)))
      return null;
    const reach = paragraphs[Math.max(0, first.paragraph - 1)].start;
    if (last?.person && last.at >= reach) {
      const between = this.book.recentPerson(last.at + 1, first.open);
      return between && between.name !== last.name ? null : { kind: 'unnamed', text: last.name, at: first.open };
    }
    // `X appears almost evangelical. “I was on a cruise …”`: nobody spoke yet; the person the sentence before is about.
    const s = sentenceAt(sentences, first.open);
    const opens = sentences[s] && text.slice(sentences[s].start, first.open).trim() === '';
    const prev = sentences[s - 1];
    if (!opens || !prev || prev.start < reach) return null;
    const subject = this.book.recentSubject(prev.start, first.open) ?? this.book.recentPerson(prev.start, first.open, true);
    return subject ? { kind: 'unnamed', text: subject.name, at: first.open } : null;
  }
}

/** Headline convention: `Name 'quote' …` (only a person quotes this way: in `Councils 'must find sites'` the councils are told), or `'…,' says X`. */
function headlineRef(doc: SourceDocument, book: NameBook, q: MarkedQuote): SpeakerRef | null {
  const first = q.parts[0];
  const paraStart = doc.paragraphs[first.paragraph].start;
  const lead = doc.text.slice(paraStart, first.open).trim();
  const isName = /^\p{Lu}[\p{L}\-'’]+(?:\s+\p{Lu}[\p{L}\-'’]+){0,2}$/u.test(lead) && !STOP_CAPS.has(lead.split(/\s+/)[0].toLowerCase());
  if (isName && book.isPerson(book.fullName(lead))) return { kind: 'name', text: lead, at: paraStart };
  // `'We will not give up,' says union leader`: a headline's own speech verb, resolved in the article below.
  const ref = first.closed ? trailingRef(doc.text, first.close, doc.paragraphs[first.paragraph].end) : null;
  return ref && (ref.kind === 'name' || ref.kind === 'role') ? ref : null;
}

/** `Mr X's statement said`: the name at `at` owns a document that speaks (`statement`, `letter`). */
function ownedDocument(text: string, at: number): boolean {
  const m = /^[^.!?,;:]{0,60}?['’]s[ \t]+([\p{Ll}-]+)(?:[ \t]+(\p{Ll}+))?/u.exec(text.slice(at, at + 90));
  return m !== null && (DOCUMENT_NOUNS.has(m[1]) || DOCUMENT_NOUNS.has(m[2] ?? ''));
}
