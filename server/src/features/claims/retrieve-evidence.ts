/**
 * Evidence retrieval for a claim: BM25 over the sentence index gathers a short
 * list of candidate sentences (never a scan of the corpus), then a re-rank
 * over each candidate's passage (the sentence with its neighbours) rewards
 * shared terms weighted by rarity, shared names and actors, figures and dates,
 * and fuzzy phrase overlap (fuse.js over the short list only).
 */
import { pageAt } from '../../domain/source-pages';
import Fuse from 'fuse.js';
import type { Cancellation } from '../../domain/cancellation';
import type { SupportCandidate } from '../../domain/findings';
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';
import { normalizeForMatch } from '../../text/normalize';
import { stem, STOPWORDS, terms, words } from '../../text/tokenize';
import { COMMON_OPENERS } from './claim-rules';
import { namedActors } from './detect-claims';
import { figureValues } from './number-check';
import { datesOf, sentenceDates, sentenceFacts, sentenceTerms, sentenceValues } from './sentence-facts';
import { passageTerms, type PassageAt } from './passage-terms';

/** How many BM25 hits are re-ranked. */
const GATHER = 24;
/** Below this confidence a source is not offered as support. */
export const MIN_SUPPORT = 0.5;
/** Terms in more than this share of all sentences carry no evidence and are left out of the query (speed on big corpora). */
const MAX_TERM_SHARE = 0.05;
/**
 * ...but only terms in more than this many sentences: in a folder of a few short sources every word is in more
 * than 5 % of the sentences, and dropping them all left a claim copied from a source with no query at all.
 */
const MIN_COMMON_SENTENCES = 20;
const NEIGHBOUR_WEIGHT = 0.5;
/** The claim's rarest terms, and how much a passage loses for missing them all. */
const RARE_TERMS = 2;
const RARE_WEIGHT = 0.3;
/** Query terms sent to BM25 (the rarest ones); every term still counts in the re-rank. */
const MAX_QUERY_TERMS = 10;
/**
 * Terms in more than this share of sentences are left out of the BM25 query when enough rarer ones remain (they
 * still count in the re-rank): on a big corpus their postings were most of what a claim's search walked.
 */
const MAX_SEARCH_SHARE = 0.005;
const MIN_SEARCH_TERMS = 3;
/** Most the fuzzy phrase overlap adds to a passage's score. */
const FUZZY_WEIGHT = 0.2;
/**
 * A passage scoring below this without the fuzzy part cannot reach MIN_SUPPORT even with all of it (the margin
 * covers the rounding to thousandths), so it is never offered: it is not examined in full.
 */
const NEVER_OFFERED = MIN_SUPPORT - FUZZY_WEIGHT - 0.001;
/** How many of the best re-ranked passages get the fuzzy phrase comparison. */
const FUZZY_POOL = 3;
/** Fuse threshold: passages scoring worse get no fuzzy credit (and bitap stops early). */
const FUZZY_THRESHOLD = 0.4;
/** Longest claim text compared fuzzily (bitap works in 32-character chunks). */
const MAX_PATTERN = 96;

/** A ranked passage: the source, the sentence that matched best, and the confidence. */
export interface Evidence extends SupportCandidate {
  unit: SourceUnit;
  /** Index of the matching sentence in the source. */
  sentenceIndex: number;
}

interface ClaimFeatures {
  queryTerms: string[];
  /** The query terms sent to BM25: the rare ones (see MAX_SEARCH_SHARE). */
  searchTerms: string[];
  idf: Map<string, number>;
  figures: number[];
  dates: string[];
  /** Stemmed name words, compared with passage terms. */
  names: string[];
  /** Full names as written ("Ana Lee"), normalised, with their last word: compared with a source's actors. */
  actorKeys: { key: string; last: string }[];
}

/** Capitalised words other than a common sentence opener: the names a claim mentions, normalised. */
function namesOf(plain: string): string[] {
  const out = new Set<string>();
  for (const m of plain.matchAll(/\p{Lu}[\p{L}'\u2019-]+/gu)) {
    for (const w of words(m[0])) {
      const name = w.replace(/'s$/, '');
      // Compared with the passages' retrieval terms, so stemmed the same way.
      if (!COMMON_OPENERS.has(name) && name.length > 1 && !STOPWORDS.has(name)) out.add(stem(name));
    }
  }
  return [...out];
}

function featuresOf(k: SourceStore, plain: string): ClaimFeatures {
  const index = k.sources.sentences;
  const n = Math.max(1, index.size);
  const idf = new Map<string, number>();
  for (const t of new Set(terms(plain))) {
    const df = index.docFreq(t);
    if (df === 0 || (df / n > MAX_TERM_SHARE && df > MIN_COMMON_SENTENCES)) continue;
    idf.set(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  // The rarest terms carry the evidence; capping the query bounds the postings walked on a big corpus.
  const queryTerms = [...idf.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_QUERY_TERMS)
    .map(([t]) => t);
  const minIdf = Math.log(1 + (n - MAX_SEARCH_SHARE * n + 0.5) / (MAX_SEARCH_SHARE * n + 0.5));
  const focused = queryTerms.filter((t) => (idf.get(t) ?? 0) >= minIdf);
  return {
    queryTerms,
    searchTerms: focused.length >= MIN_SEARCH_TERMS ? focused : queryTerms,
    idf,
    // The same values, in the same order, as extractFigures(plain) gives, without working out what each counts.
    figures: figureValues(plain),
    dates: datesOf(plain),
    names: namesOf(plain),
    actorKeys: namedActors(plain).map((name) => {
      const key = normalizeForMatch(name);
      return { key, last: key.split(' ').pop() ?? key };
    }),
  };
}

/** The actor names and aliases a source's actor extraction found, normalised (cached per source). */
const actorFormCache = new WeakMap<SourceUnit, Set<string>>();

function actorForms(unit: SourceUnit): Set<string> {
  let forms = actorFormCache.get(unit);
  if (!forms) {
    forms = new Set();
    for (const actor of unit.actors?.actors ?? []) {
      for (const form of [actor.name, ...actor.aliases]) forms.add(normalizeForMatch(form));
    }
    actorFormCache.set(unit, forms);
  }
  return forms;
}

/**
 * True when the source's own actors include one the claim names (by full name,
 * alias or surname). Uses each source's extracted actors rather than the merged
 * corpus-wide index, whose lazy rebuild after a corpus change would land on the
 * next diagnostics; with no extracted actors it is simply false.
 */
function sharesActor(unit: SourceUnit, claimActors: ClaimFeatures['actorKeys']): boolean {
  if (claimActors.length === 0) return false;
  const forms = actorForms(unit);
  return claimActors.some(({ key, last }) => forms.has(key) || forms.has(last));
}

const sentenceText = (unit: SourceUnit, index: number): string => sentenceFacts(unit, index).text;

const ratio = (hit: number, all: number): number => (all === 0 ? 0 : hit / all);

/** The mean of the extras in the order figures, dates, names (the order fixes the sum's rounding). */
function meanOf(extras: readonly number[]): number {
  return extras.reduce((a, b) => a + b, 0) / extras.length;
}

/** What a passage's words (read from the postings) give the score: the recall part and the names found. */
interface PassageWords {
  at: PassageAt;
  recall: number;
  /** Share of the claim's names in the passage (0 when it names none). */
  named: number;
  /** The score when nothing else counts, or else its upper bound with every figure and date found and the actor bonus. */
  upper: number;
}

/** A passage's words part, from the postings alone (no text is read). */
function passageWords(k: SourceStore, f: ClaimFeatures, at: PassageAt): PassageWords {
  const held = passageTerms(k.sources, at);
  let total = 0;
  let hit = 0;
  for (const [t, w] of f.idf) {
    total += w;
    const where = held(t);
    if (where === 'own') hit += w;
    else if (where === 'near') hit += w * NEIGHBOUR_WEIGHT;
  }
  // The claim's rarest words say what it is about: a passage without any of them is weaker evidence.
  const rare = f.queryTerms.slice(0, RARE_TERMS);
  const rareHit = ratio(rare.filter((t) => held(t) !== 'none').length, rare.length);
  const recall = ratio(hit, total) * (1 - RARE_WEIGHT + RARE_WEIGHT * rareHit);
  if (f.figures.length === 0 && f.dates.length === 0 && f.names.length === 0) return { at, recall, named: 0, upper: 0.8 * recall };
  const named = f.names.length ? ratio(f.names.filter((n) => held(n) !== 'none').length, f.names.length) : 0;
  return { at, recall, named, upper: bound(f, recall, 1, 1, nameBestOf(named)) };
}

/** A shared actor adds 0.2 to the names' part, up to 1: when all names are there already it cannot add. */
const nameBestOf = (named: number): number => Math.min(1, named + 0.2);

/** The score without the fuzzy part for these shares of figures, dates and names found (rounding is monotone: a bound below the floor is exact). */
function bound(f: ClaimFeatures, recall: number, figures: number, dates: number, names: number): number {
  return (
    0.55 * recall +
    0.25 * meanOf([...(f.figures.length ? [figures] : []), ...(f.dates.length ? [dates] : []), ...(f.names.length ? [names] : [])])
  );
}

/**
 * Scores one candidate passage against the claim without the fuzzy part; 0–0.8. When the passage cannot reach
 * `floor` (the pool's worst so far), returns -Infinity as soon as an upper bound says so: the words come from the
 * postings, and the sentences' text (figures, dates) and the source's actors are read only while it still can.
 */
function baseScore(f: ClaimFeatures, w: PassageWords, floor = -Infinity): number {
  const { at, recall, named } = w;
  if (f.figures.length === 0 && f.dates.length === 0 && f.names.length === 0) return w.upper;
  // Strictly below: a passage that could tie the pool's worst is scored, so that ties are broken by path (below),
  // not by the order the index happens to hold sentences in (a churned index and a fresh one must agree).
  if (0.55 * recall + 0.25 < floor || w.upper < floor) return -Infinity;
  const nameBest = nameBestOf(named);
  // The passage's figures and dates, sentence by sentence (cached per source sentence).
  const around = [at.index - 1, at.index, at.index + 1];
  let figures = 0;
  if (f.figures.length) {
    const theirs = around.flatMap((i) => sentenceValues(at.unit, i));
    figures = ratio(f.figures.filter((v) => theirs.includes(v)).length, f.figures.length);
  }
  let dates = 0;
  if (f.dates.length) {
    const theirs = around.flatMap((i) => sentenceDates(at.unit, i));
    dates = ratio(f.dates.filter((d) => theirs.includes(d)).length, f.dates.length);
  }
  if (!f.names.length) return bound(f, recall, figures, dates, 0);
  if (nameBest === named) return bound(f, recall, figures, dates, named);
  // The source's actors are read only when the bonus could lift the passage to the floor.
  if (bound(f, recall, figures, dates, nameBest) < floor) return -Infinity;
  return bound(f, recall, figures, dates, sharesActor(at.unit, f.actorKeys) ? nameBest : named);
}

/** Source path, then sentence order: how equal scores are ordered, whatever order the index holds sentences in. */
function byPlace(a: { unit: SourceUnit; index: number }, b: { unit: SourceUnit; index: number }): number {
  return a.unit.doc.path.localeCompare(b.unit.doc.path) || a.index - b.index;
}

/** The best supporting passages for a claim (plain text), one per source, best first, at most `limit`. */
export function retrieveEvidence(k: SourceStore, plain: string, limit = 3, token?: Cancellation): Evidence[] {
  const f = featuresOf(k, plain);
  if (f.queryTerms.length === 0) return [];
  const hits = k.sources.sentences.search(f.searchTerms, GATHER);
  if (hits.length === 0 || token?.isCancellationRequested) return [];
  const located = hits.flatMap((h) => {
    const owner = k.sources.sentence(h.id);
    return owner ? [{ at: { ...owner, id: h.id } }] : [];
  });
  // Only the best FUZZY_POOL go on: a passage that cannot reach the pool's worst so far is not examined in full.
  // The passages whose words allow the highest score are examined first, so that the pool's worst rises soonest and
  // fewer passages have their text or their source's actors read (the pool's final members do not depend on it).
  const pool: number[] = [];
  const parts = located.map(({ at }) => passageWords(k, f, at));
  const order = parts.map((_, i) => i).sort((a, b) => parts[b].upper - parts[a].upper || a - b);
  const all = parts.map((w) => ({ at: w.at, score: -Infinity }));
  for (const i of order) {
    const score = baseScore(f, parts[i], pool.length < FUZZY_POOL ? NEVER_OFFERED : Math.max(NEVER_OFFERED, pool[FUZZY_POOL - 1]));
    all[i].score = score;
    if (score !== -Infinity) {
      pool.push(score);
      pool.sort((a, b) => b - a);
      if (pool.length > FUZZY_POOL) pool.pop();
    }
  }
  const scored = all
    .filter((x) => x.score !== -Infinity)
    .sort((a, b) => b.score - a.score || byPlace(a.at, b.at))
    .slice(0, FUZZY_POOL);
  // Fuzzy phrase overlap only over the short list: bitap per candidate is the costly part.
  const fuse = new Fuse(
    scored.map((x) => normalizeForMatch(sentenceText(x.at.unit, x.at.index))),
    {
      includeScore: true,
      ignoreLocation: true,
      threshold: FUZZY_THRESHOLD,
      ignoreFieldNorm: true,
    },
  );
  for (const r of fuse.search(normalizeForMatch(plain).slice(0, MAX_PATTERN))) {
    scored[r.refIndex].score += FUZZY_WEIGHT * Math.max(0, Math.min(1, (0.75 - (r.score ?? 1)) / 0.7));
  }
  const best = new Map<SourceUnit, Evidence>();
  for (const { at, score } of scored) {
    const prev = best.get(at.unit);
    if (prev && prev.score >= score) continue;
    const { doc } = at.unit;
    best.set(at.unit, {
      unit: at.unit,
      sentenceIndex: at.index,
      key: k.sources.keyOf(at.unit),
      title: doc.title,
      path: doc.path,
      passage: sentenceText(at.unit, at.index),
      // The sentence offsets are read only for a paged source (reading them reads the whole source's structure).
      page: doc.pageStarts ? pageAt(doc.pageStarts, doc.sentences[at.index]?.start ?? 0) : null,
      score: Math.round(Math.min(1, score) * 1000) / 1000,
    });
  }
  return [...best.values()]
    .filter((e) => e.score >= MIN_SUPPORT)
    .sort((a, b) => b.score - a.score || a.path.localeCompare(b.path))
    .slice(0, limit);
}

/** The sentences of a cited source that best match a claim (a scan of that one source only), for the figure check. */
export function bestSentencesIn(unit: SourceUnit, plain: string, limit = 2): string[] {
  const wanted = new Set(terms(plain));
  if (wanted.size === 0) return [];
  return unit.doc.sentences
    .map((_, i) => {
      let hit = 0;
      for (const t of sentenceTerms(unit, i)) if (wanted.has(t)) hit++;
      return { i, hit };
    })
    .filter((x) => x.hit > 0)
    .sort((a, b) => b.hit - a.hit || a.i - b.i)
    .slice(0, limit)
    .map((x) => sentenceText(unit, x.i));
}
