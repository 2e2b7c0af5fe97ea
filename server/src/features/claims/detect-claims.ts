/**
 * Decides whether one draft sentence is a checkable claim, by applying the
 * rules of claim-rules.ts in a fixed order. Pure and keyed by the sentence
 * text only, so callers can cache verdicts per sentence.
 */
import { CITATION_MARKER_RE } from '../../text/citation-markers';
import {
  ATTRIBUTION,
  CLAUSE_OPENERS,
  COMMON_OPENERS,
  COMPARISON_RE,
  DATE_RE,
  EVENT_VERBS,
  FIGURE_RE,
  MIN_ACTORS_FOR_CLAIM,
  MIN_CLAIM_WORDS,
  NOT_A_CLAIM,
  NUMBER_WORDS,
  PRONOUN_SUBJECTS,
  RESEARCH_SUBJECT_RE,
} from './claim-rules';

export interface ClaimVerdict {
  claim: boolean;
  /** The rule that decided, for tests and docs ("question", "figure", "hedged analysis"…). */
  reason: string;
}

// Bodies exclude the opening character, so scans from different openers never overlap (linear on any input).
const LINK_RE = /!?\[([^\[\]]*)\]\([^()]*\)/g;
const INLINE_CODE_RE = /`+[^`]*`+/g;
const EMPHASIS_RE = /[*_~]+/g;
/** Longest text judged as one sentence (a long news sentence is some 400 characters). */
const MAX_SENTENCE_CHARS = 2000;
const COPULA_RE = /\b(?:is|are|was|were|has|have|had|remains|remained|became|becomes|stands|stood)\b/;
const MODAL_RE = /\b(?:could|might|may)\b/;

/** The text with each closed `<!-- … -->` replaced by a space, found with indexOf (a lazy regex rescans to the end for every unclosed one). */
function withoutComments(text: string): string {
  let at = text.indexOf('<!--');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const close = text.indexOf('-->', at + 2);
    if (close < 0) break;
    out += `${text.slice(copied, at)} `;
    copied = close + 3;
    at = text.indexOf('<!--', copied);
  }
  return out + text.slice(copied);
}

/** The sentence as plain words: citation markers, links, comments, code and emphasis removed. */
export function plainSentence(markdown: string): string {
  return withoutComments(markdown)
    .replace(CITATION_MARKER_RE, '')
    .replace(LINK_RE, '$1')
    .replace(INLINE_CODE_RE, ' ')
    .replace(EMPHASIS_RE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORD_RE = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

/** The named actors of a sentence: runs of capitalised words, the first word only when it is not a common opener. */
export function namedActors(plain: string): string[] {
  const opening = plain.replace(/^[^\p{L}\p{N}]+/u, '');
  const names: string[] = [];
  let current: string[] = [];
  let first = true;
  let lastEnd = -1;
  const flush = (): void => {
    if (current.length) names.push(current.join(' '));
    current = [];
  };
  for (const m of opening.matchAll(WORD_RE)) {
    const w = m[0];
    const capital = /^\p{Lu}/u.test(w) && w !== 'I' && !(first && COMMON_OPENERS.has(w.toLowerCase().replace(/['\u2019]s$/, '')));
    if (!capital || opening.slice(lastEnd, m.index).trim() !== '') flush();
    if (capital) current.push(w.replace(/['\u2019]s$/, ''));
    lastEnd = m.index + w.length;
    first = false;
  }
  flush();
  return [...new Set(names)];
}

/** True if the sentence names an actor. */
export function namesActor(plain: string): boolean {
  return namedActors(plain).length > 0;
}

/** True if the sentence states a figure (digits other than a bare year, or a number word). */
export function hasFigure(plain: string): boolean {
  for (const m of plain.matchAll(FIGURE_RE)) {
    if (!/^(?:1[89]|20)\d\d$/.test(m[0].trim())) return true;
  }
  return plain
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => w in NUMBER_WORDS && w !== 'half' && w !== 'double');
}

/** True if a word is an event verb in any listed form ("control" counts through "controls"). */
function hasEventVerb(lower: string): boolean {
  return lower
    .split(/[^a-z'\u2019-]+/)
    .some((w) => w.length > 2 && (EVENT_VERBS.has(w) || EVENT_VERBS.has(`${w}s`) || EVENT_VERBS.has(`${w}ed`) || EVENT_VERBS.has(`${w}d`)));
}

/** True when a modal verb hedges the main statement (it comes before any subordinate clause). */
function modalInMainClause(lower: string): boolean {
  const clause = CLAUSE_OPENERS.exec(lower);
  return MODAL_RE.test(clause ? lower.slice(0, clause.index) : lower);
}

/** Classifies a draft sentence (Markdown as written) as a claim or not, with the deciding rule. */
export function classifySentence(markdown: string): ClaimVerdict {
  // Past this length the "sentence" is pasted data, not prose; checking it would cost a long uninterrupted step.
  if (markdown.length > MAX_SENTENCE_CHARS) return { claim: false, reason: 'too long for a sentence' };
  const plain = plainSentence(markdown);
  const wordCount = plain.match(WORD_RE)?.length ?? 0;
  if (wordCount < MIN_CLAIM_WORDS) return { claim: false, reason: 'too short' };
  if (/\?[\s"'\u201d\u2019)\]]*$/.test(plain)) return { claim: false, reason: 'question' };
  const opening = plain.replace(/^[^\p{L}\p{N}]+/u, '');
  const quoted = /^["\u201c\u2018']/.test(plain);
  const attributed = ATTRIBUTION.test(plain) && (quoted || !/^(?:we|i)\b/i.test(opening));
  // Quoted words attributed to a speaker report what someone said, whatever the quote itself sounds like.
  if (attributed && quoted) return { claim: true, reason: 'attribution' };
  for (const rule of NOT_A_CLAIM) {
    if (rule.overriddenByAttribution && attributed) continue;
    if (rule.pattern.test(opening)) return { claim: false, reason: rule.name };
  }
  const lower = plain.toLowerCase();
  const actors = namedActors(plain);
  const actor = actors.length > 0;
  const firstWord = (opening.match(WORD_RE)?.[0] ?? '').toLowerCase();
  const subject = actor || PRONOUN_SUBJECTS.has(firstWord);
  if (attributed) return { claim: true, reason: 'attribution' };
  if (modalInMainClause(lower)) return { claim: false, reason: 'hedged analysis' };
  if (hasFigure(plain)) return { claim: true, reason: 'figure' };
  // search() neither reads nor moves the shared global regex's lastIndex (test() would leave it set for matchAll).
  if (plain.search(DATE_RE) >= 0) return { claim: true, reason: 'date' };
  if (COMPARISON_RE.test(plain)) return { claim: true, reason: 'comparison' };
  if (subject && hasEventVerb(lower)) return { claim: true, reason: 'actor and event' };
  if (RESEARCH_SUBJECT_RE.test(opening)) return { claim: true, reason: 'research finding' };
  if (actor && COPULA_RE.test(lower)) return { claim: true, reason: 'actor and state' };
  if (actors.length >= MIN_ACTORS_FOR_CLAIM) return { claim: true, reason: 'named actors' };
  return { claim: false, reason: 'no checkable content' };
}
