/**
 * Figures in prose and the number-mismatch check: a draft figure whose source
 * gives a different figure for the same thing (`900 workers` where
 * the source says `800 workers`).
 */
import { stem, STOPWORDS, words } from '../../text/tokenize';
import { CARDINAL_WORDS, FIGURE_RE, SCALE_WORDS } from './claim-rules';

export interface Figure {
  /** Offsets in the text the figure was found in. */
  start: number;
  end: number;
  /** The figure as written, e.g. "1.5 million". */
  text: string;
  value: number;
  percent: boolean;
  /** Stems of the words that say what is counted ("workers" in "800 factory workers"). */
  thing: string[];
  /** Stems of the content words just before the figure in its clause ("flat fee of $9.99"). */
  context: string[];
  /** Stems of the content words before the figure in its sentence, past clause marks ("a lethal dose, and she had taken ten"). */
  sentence: string[];
  /** A bare year ("1995"): compared only with years, and only on strong context. */
  year: boolean;
  /** Currency sign, if any: `$5.99` and `£5.99` are different quantities. */
  unit: string;
}

const YEAR_RE = /^(?:1[89]|20)\d\ds?$/;
const THING_WORDS = 3;
const CONTEXT_WORDS = 4;
const SENTENCE_WORDS = 8;
const NUMBER_WORD_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.keys(CARDINAL_WORDS).join('|')})(?:\\s(?:thousand|million|billion|trillion))?(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Words after a figure that do not say what is counted. */
const NOT_A_THING = new Set([
  'per',
  'cent',
  'percent',
  'of',
  'about',
  'some',
  'around',
  'nearly',
  'over',
  'more',
  'than',
  'less',
  'up',
  'to',
]);

function valueOf(raw: string): { value: number; percent: boolean } {
  const lower = raw.toLowerCase();
  const word = CARDINAL_WORDS[lower.split(/\s/)[0]];
  if (word !== undefined) {
    const scale = lower.split(/\s/)[1];
    return { value: word * (scale ? (SCALE_WORDS[scale] ?? 1) : 1), percent: false };
  }
  const percent = /%|per ?cent|percent/.test(lower);
  const digits = lower.replace(/[$£€¥,\s]/g, '').match(/\d+(?:\.\d+)?/)?.[0] ?? '0';
  const scale = lower.match(/(thousand|million|billion|trillion|bn|mn|tn|m|k)\b/)?.[1];
  return { value: Number(digits) * (scale ? (SCALE_WORDS[scale] ?? 1) : 1), percent };
}

const contentStems = (ws: string[]): string[] => ws.filter((w) => !STOPWORDS.has(w) && !NOT_A_THING.has(w) && !/\d/.test(w)).map(stem);

/** The matches of figures in a text, in text order. */
function figureMatches(text: string): RegExpExecArray[] {
  return [...text.matchAll(FIGURE_RE), ...text.matchAll(NUMBER_WORD_RE)].sort((a, b) => a.index - b.index);
}

/** Whether a text has a figure, a bare year included (what `figureConflicts` needs before it reads any passage). */
export function hasFigure(text: string): boolean {
  return figureMatches(text).length > 0;
}

/** Just the values of a text's figures (bare years left out), as `extractFigures` reads them: for ranking passages. */
export function figureValues(text: string): number[] {
  const out: number[] = [];
  for (const m of figureMatches(text)) {
    const raw = m[0].trim();
    if (!YEAR_RE.test(raw)) out.push(valueOf(raw).value);
  }
  return out;
}

/** The figures of a text (bare years left out unless asked for), each with what it counts and the words before it. */
export function extractFigures(text: string, withYears = false): Figure[] {
  const out: Figure[] = [];
  for (const m of figureMatches(text)) {
    const raw = m[0].trim();
    const year = YEAR_RE.test(raw);
    if (year && !withYears) continue;
    const start = m.index + m[0].indexOf(raw);
    const end = start + raw.length;
    const thing = contentStems(words(text.slice(end, end + 80))).slice(0, THING_WORDS);
    // The clause before the figure: back to the last sentence or clause mark.
    const lead = text.slice(Math.max(0, start - 80), start);
    const clause = lead.slice(
      Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! ')) + 1,
    );
    const context = contentStems(words(clause)).slice(-CONTEXT_WORDS);
    const sentenceLead = lead.slice(Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! ')) + 1);
    const sentence = contentStems(words(sentenceLead)).slice(-SENTENCE_WORDS);
    const unit = /^[$£€¥]/.exec(raw)?.[0] ?? '';
    out.push({ start, end, text: raw, ...valueOf(raw), thing, context, sentence, unit, year });
  }
  return out;
}

/** How well two figures match as the same quantity: 0 when they cannot be (percent vs count, $ vs £). */
function sameThingScore(a: Figure, b: Figure): number {
  if (a.percent !== b.percent || a.year !== b.year || (a.unit !== '' && b.unit !== '' && a.unit !== b.unit)) return 0;
  const things = a.thing.filter((t) => b.thing.includes(t)).length;
  const context = a.context.filter((t) => b.context.includes(t)).length;
  const sentence = a.sentence.filter((t) => b.sentence.includes(t)).length / 2;
  // A counted word in common pairs them; words before alone need two in common (or one with the same currency,
  // or one with most of the sentence before it: "a lethal dose, and she had taken ten").
  // A year is another year of the same event: two words before it in common and most of its sentence.
  if (a.year) return context >= 2 && sentence >= 1.5 ? context + sentence : 0;
  if (things > 0) return 2 * things + context + sentence;
  const paired = context >= 2 || (context === 1 && ((a.unit !== '' && a.unit === b.unit) || sentence >= 1.5));
  return paired ? context + sentence : 0;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface FigureConflict {
  /** The draft's figure (offsets relative to the checked text). */
  found: Figure;
  /** The source's figure for the same thing. */
  expected: Figure;
}

/**
 * The draft figures that a source passage contradicts: same counted thing,
 * different value, and the draft's value appears nowhere in the passage.
 */
export function figureConflicts(draftText: string, passages: readonly string[]): FigureConflict[] {
  const mine = extractFigures(draftText, true);
  if (mine.length === 0) return [];
  const theirs = passages.flatMap((p) => extractFigures(p, true));
  const out: FigureConflict[] = [];
  for (const f of mine) {
    if ((f.thing.length === 0 && f.context.length === 0) || theirs.some((g) => sameValue(g.value, f.value))) continue;
    // The source figure of the same quantity: the best pairing by unit, counted words and the words before.
    let best: Figure | null = null;
    let bestScore = 0;
    for (const g of theirs) {
      const score = sameThingScore(f, g);
      if (score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) out.push({ found: f, expected: best });
  }
  return out;
}
