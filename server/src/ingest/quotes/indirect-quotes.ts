/**
 * Reported speech without quote marks, only where the text clearly marks it:
 * a sentence ending `…, he said.` / `…, the report added.` and a clause
 * `X said that …` / `X told reporters that …`. Sentences with quote marks are
 * left to the marked-quote extractor.
 */
import type { SourceDocument } from '../../domain/source-document';
import { speakerAfter, speakerBefore, speakerBeforeVerb, type SpeakerRef } from '../../mentions/speaker-phrases';
import type { MarkedQuote } from './quote-marks';
import { TAIL_VERBS, THAT_VERBS } from '../../mentions/speech-words';

/** An indirect quotation before its speaker is resolved. */
export interface IndirectCandidate {
  start: number;
  end: number;
  paragraph: number;
  ref: SpeakerRef | null;
}

const MIN_WORDS = 4;
/** Words allowed between a that-verb and "that": `told the Harbour Courier last week that`. */
const MAX_GAP = 7;

function wordTokens(text: string, base: number): { bare: string; start: number; end: number; word: string }[] {
  const out: { bare: string; start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    out.push({
      word: m[0],
      bare: m[0].replace(/[^\p{L}\p{N}'’\-]+/gu, '').toLowerCase(),
      start: base + m.index,
      end: base + m.index + m[0].length,
    });
  }
  return out;
}

function enoughWords(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.!?,;:]/.test(text[end - 1])) end--;
  return end;
}

function isSpeaker(ref: SpeakerRef | null): boolean {
  return ref !== null && ref.kind !== 'object' && ref.kind !== 'inherit';
}

/** `…, he said.` — the reported words are the sentence before the final comma. */
function tailSpeech(text: string, start: number, end: number): { end: number; ref: SpeakerRef | null } | null {
  const s = text.slice(start, end);
  const comma = s.lastIndexOf(',');
  if (comma < 0) return null;
  const rest = start + comma + 1;
  const all = wordTokens(text.slice(rest, end), rest);
  // `…, he said. wrote in …`: a stray fragment after the full stop is no part of the attribution.
  const stop = all.findIndex((t) => /[.!?]["”’']?$/.test(t.word));
  const toks = stop >= 0 ? all.slice(0, stop + 1) : all;
  if (toks.length === 0 || toks.length > 10) return null;
  for (let k = 0; k < Math.min(toks.length, 6); k++) {
    if (!TAIL_VERBS.has(toks[k].bare)) continue;
    const after = toks.slice(k + 1);
    if (after.some((t) => t.bare === 'that' || /[,;:]/.test(t.word))) return null;
    // `X, from Y, said he would …`: a finite verb after the speech verb makes a reported clause, not a speaker.
    if (after.some((t) => FINITE_RE.test(t.bare))) return null;
    // `…, he said in a statement.` — what follows the verb is a circumstance, not a reported clause.
    if (
      k > 0 &&
      after.length > 0 &&
      (after.length > 6 ||
        !/^(?:in|on|at|during|after|before|last|yesterday|today|earlier|later|to|from|when|while|via|through|with|of)$/.test(after[0].bare))
    )
      return null;
    const ref = k === 0 ? speakerAfter(text.slice(toks[0].end, end), toks[0].end) : speakerBefore(text.slice(rest, toks[k].start), rest);
    if (ref === null || ref.kind === 'object' || ref.kind === 'inherit') return null;
    if (k === 0 && ref.kind === 'other') return null;
    return { end: trimEnd(text, start, start + comma), ref };
  }
  return null;
}

/** Verbs that take a reported clause without "that": `X said the plan would fail`. */
const BARE_CLAUSE_VERBS = new Set([
  'said',
  'says',
  'added',
  'warned',
  'insisted',
  'argued',
  'claimed',
  'confirmed',
  'stressed',
  'admitted',
]);
/** A finite verb within the first words after the speech verb makes those words a clause (`it was`, `the plan would`). */
const FINITE_RE = /^(?:was|were|is|are|had|has|have|would|will|could|should|can|may|might|must|did|does)$/;
/** Words right after a speech verb that open no reported clause (`said in a statement`, `said on Monday`). */
const NO_CLAUSE_RE =
  /^(?:in|on|at|during|after|before|last|yesterday|today|earlier|later|to|from|when|while|via|through|with|of|for|by|as|so|and|but|or)$/;
/** Words the subject of a bare reported clause is looked for in. */
const CLAUSE_REACH = 8;

/** The speaker phrase before a speech verb, when it names one. */
function speakerOfVerb(text: string, start: number, verbStart: number): SpeakerRef | null {
  const ref = speakerBeforeVerb(text.slice(start, verbStart), start);
  return ref && isSpeaker(ref) && ref.kind !== 'other' ? ref : null;
}

/** `X said that …` — the reported words follow "that"; `X said the plan would fail` — or the verb directly. */
function thatSpeech(text: string, start: number, end: number): { start: number; ref: SpeakerRef } | null {
  const toks = wordTokens(text.slice(start, end), start);
  for (let k = 0; k < toks.length; k++) {
    if (!THAT_VERBS.has(toks[k].bare)) continue;
    for (let j = k + 1; j < Math.min(toks.length, k + 2 + MAX_GAP); j++) {
      if (/[,;:]$/.test(toks[j - 1].word) && j - 1 > k) break;
      if (toks[j].bare !== 'that') continue;
      const ref = speakerOfVerb(text, start, toks[k].start);
      return ref ? { start: toks[j + 1]?.start ?? end, ref } : null;
    }
    return bareClause(text, start, toks, k);
  }
  return null;
}

/**
 * `Mr X said it was now important to …`, `the agency said damage would cut …`: a speech verb followed at once
 * by a clause (a finite verb within its first words, no comma before it) reports that clause.
 */
function bareClause(
  text: string,
  start: number,
  toks: ReturnType<typeof wordTokens>,
  k: number,
): { start: number; ref: SpeakerRef } | null {
  const next = toks[k + 1];
  if (!BARE_CLAUSE_VERBS.has(toks[k].bare) || !next || /[,;:.!?]$/.test(toks[k].word) || NO_CLAUSE_RE.test(next.bare)) return null;
  if (!/^[\p{L}\p{N}]/u.test(next.word)) return null;
  for (let j = k + 2; j < Math.min(toks.length, k + 2 + CLAUSE_REACH); j++) {
    if (/[,;:]$/.test(toks[j - 1].word)) return null;
    if (!FINITE_RE.test(toks[j].bare)) continue;
    const ref = speakerOfVerb(text, start, toks[k].start);
    return ref ? { start: next.start, ref } : null;
  }
  return null;
}

/** Indirect quotations of a document, in order. */
export function findIndirectQuotes(doc: SourceDocument, marked: readonly MarkedQuote[]): IndirectCandidate[] {
  const { text } = doc;
  const spans = marked.flatMap((q) => q.parts.map((p) => ({ start: p.open, end: p.close })));
  const out: IndirectCandidate[] = [];
  let k = 0;
  for (const sentence of doc.sentences) {
    if (doc.paragraphs[sentence.paragraph].kind !== 'body') continue;
    while (k < spans.length && spans[k].end <= sentence.start) k++;
    if (k < spans.length && spans[k].start < sentence.end) continue;
    const s = text.slice(sentence.start, sentence.end);
    if (
      !/\b(?:said|says|added|adds|told|tells|warned|stressed|noted|insisted|argued|wrote|explained|reported|continued|claimed|announced|confirmed|revealed|emphasi[sz]ed|acknowledged|admitted|declared|asserted|stated|pointed)\b/.test(
        s,
      )
    )
      continue;
    const tail = tailSpeech(text, sentence.start, sentence.end);
    if (tail && enoughWords(text.slice(sentence.start, tail.end))) {
      out.push({ start: sentence.start, end: tail.end, paragraph: sentence.paragraph, ref: tail.ref });
      continue;
    }
    const that = thatSpeech(text, sentence.start, sentence.end);
    if (that) {
      const end = trimEnd(text, that.start, sentence.end);
      if (enoughWords(text.slice(that.start, end))) out.push({ start: that.start, end, paragraph: sentence.paragraph, ref: that.ref });
    }
  }
  return out;
}
