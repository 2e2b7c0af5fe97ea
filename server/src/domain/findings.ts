/**
 * Findings are what the checks conclude about a draft, as domain values with a
 * stable `code`. `to-diagnostic.ts` is the one place that turns them into LSP
 * diagnostics, carrying in `data` what a quick fix needs.
 */

export type FindingCode = 'unsourced-claim' | 'misquote' | 'number-mismatch' | 'unknown-citation';

/** A source that may support a claim, best first. */
export interface SupportCandidate {
  key: string;
  title: string;
  /** Workspace-relative path of the source. */
  path: string;
  /** The supporting passage, verbatim. */
  passage: string;
  /** Confidence in [0, 1]. */
  score: number;
  /** Page of the passage in a paged source (PDF). */
  page?: number | null;
}

export interface UnsourcedClaim {
  code: 'unsourced-claim';
  /** The sentence, as offsets into the draft. */
  start: number;
  end: number;
  /** Where a citation marker goes: after the sentence's final punctuation. */
  insertAt: number;
  candidates: SupportCandidate[];
}

export interface Misquote {
  code: 'misquote';
  /** The quoted words in the draft (inside the marks). */
  start: number;
  end: number;
  /** The source's wording. */
  sourceText: string;
  speaker: string | null;
  key: string;
}

export interface NumberMismatch {
  code: 'number-mismatch';
  /** The figure in the draft. */
  start: number;
  end: number;
  found: string;
  /** The source's figure, in the source's words. */
  expected: string;
  key: string;
}

export interface UnknownCitation {
  code: 'unknown-citation';
  start: number;
  end: number;
  key: string;
  style: 'footnote' | 'pandoc';
}

export type Finding = UnsourcedClaim | Misquote | NumberMismatch | UnknownCitation;
