/**
 * Figures in prose and the number-mismatch check: a draft figure whose source
 * gives a different figure for the same thing (`900 workers` where
 * the source says `800 workers`).
 */
import { stem, STOPWORDS, words } from '../../text/tokenize';
import { FIGURE_RE, SCALE_WORDS } from './claim-rules';

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
}

const YEAR_RE = /^(?:1[89]|20)\d\ds?$/;
const THING_WORDS = 3;
/** Words after a figure that do not say what is counted. */
const NOT_A_THING = new Set(['per', 'cent', 'percent', 'of', 'about', 'some', 'around', 'nearly', 'over', 'more', 'than', 'less', 'up', 'to']);

function valueOf(raw: string): { value: number; percent: boolean } {
  const lower = raw.toLowerCase();
  const percent = /%|per ?cent|percent/.test(lower);
  const digits = lower.replace(/[$£€¥,\s]/g, '').match(/\d+(?:\.\d+)?/)?.[0] ?? '0';
  const scale = lower.match(/(thousand|million|billion|trillion|bn|mn|tn|m|k)\b/)?.[1];
  return { value: Number(digits) * (scale ? SCALE_WORDS[scale] ?? 1 : 1), percent };
}

/** The figures of a text (bare years left out), each with what it counts. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    const raw = m[0].trim();
    if (YEAR_RE.test(raw)) continue;
    const start = m.index + m[0].indexOf(raw);
    const end = start + raw.length;
    const thing = words(text.slice(end, end + 80))
      .filter((w) => !STOPWORDS.has(w) && !NOT_A_THING.has(w) && !/\d/.test(w))
      .slice(0, THING_WORDS)
      .map(stem);
    out.push({ start, end, text: raw, ...valueOf(raw), thing });
  }
  return out;
}

/** True when two figures count the same kind of thing (a shared counted word and the same percent-ness). */
function sameThing(a: Figure, b: Figure): boolean {
  return a.percent === b.percent && a.thing.some((t) => b.thing.includes(t));
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
  const mine = extractFigures(draftText);
  if (mine.length === 0) return [];
  const theirs = passages.flatMap((p) => extractFigures(p));
  const out: FigureConflict[] = [];
  for (const f of mine) {
    if (f.thing.length === 0 || theirs.some((g) => sameValue(g.value, f.value))) continue;
    const other = theirs.find((g) => sameThing(f, g) && !sameValue(g.value, f.value));
    if (other) out.push({ found: f, expected: other });
  }
  return out;
}
