/**
 * What the claim check reads of a source sentence (its text, retrieval terms, figure values and dates), worked out
 * once per sentence and kept with the source (dropped with it): a 5,000-word draft re-ranks thousands of candidate
 * passages, many of them the same sentences or their neighbours, and tokenising or scanning them again per claim
 * was a third of its diagnosis time.
 */
import type { SourceUnit } from '../../store/source-store';
import { terms } from '../../text/tokenize';
import { DATE_RE } from './claim-rules';
import { figureValues } from './number-check';

/** One source sentence as the claim check reads it. */
export interface SentenceFacts {
  text: string;
  /** Retrieval terms in order, repeats kept, computed on first use (the re-rank reads words from the postings). */
  terms?: readonly string[];
  /** Values of its figures (bare years left out), computed on first use. */
  values?: readonly number[];
  /** Its dates and times, lower-cased, computed on first use. */
  dates?: readonly string[];
}

const NONE: SentenceFacts = { text: '', terms: [], values: [], dates: [] };
const cache = new WeakMap<SourceUnit, (SentenceFacts | undefined)[]>();

/** The dates and times of a text, lower-cased, in order. */
export function datesOf(text: string): string[] {
  return [...text.matchAll(DATE_RE)].map((m) => m[0].toLowerCase());
}

/** The facts of sentence `index` of a source (an empty sentence outside it). */
export function sentenceFacts(unit: SourceUnit, index: number): SentenceFacts {
  if (index < 0) return NONE;
  let perUnit = cache.get(unit);
  // A sentence already read is answered without the source's structure (a persistent store reads it from disk).
  const known = perUnit?.[index];
  if (known) return known;
  const { sentences } = unit.doc;
  if (index >= sentences.length) return NONE;
  if (!perUnit) cache.set(unit, (perUnit = []));
  const s = sentences[index];
  return (perUnit[index] = { text: unit.doc.text.slice(s.start, s.end) });
}

/** The retrieval terms of a source sentence, in order, repeats kept (cached). */
export function sentenceTerms(unit: SourceUnit, index: number): readonly string[] {
  const facts = sentenceFacts(unit, index);
  return (facts.terms ??= terms(facts.text));
}

/** The figure values of a source sentence (cached). */
export function sentenceValues(unit: SourceUnit, index: number): readonly number[] {
  const facts = sentenceFacts(unit, index);
  return (facts.values ??= figureValues(facts.text));
}

/** The dates of a source sentence (cached). */
export function sentenceDates(unit: SourceUnit, index: number): readonly string[] {
  const facts = sentenceFacts(unit, index);
  return (facts.dates ??= datesOf(facts.text));
}
