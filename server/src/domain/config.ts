/**
 * Settings, in one place: the `sourced` section of workspace/configuration
 * (or initializationOptions / didChangeConfiguration for clients without it),
 * filled with defaults and passed down as plain values.
 */

export type CitationStyle = 'footnote' | 'pandoc';
export type Severity = 'ignore' | 'hint' | 'information' | 'warning' | 'error';
export type CitationScope = 'sentence' | 'paragraph';

export interface SourcedConfig {
  corpus: {
    /** Globs relative to each workspace folder. */
    include: string[];
    exclude: string[];
    maxFileSizeKb: number;
  };
  citations: {
    style: CitationStyle;
    /** CSL-JSON bibliography kept up to date in Pandoc style, relative to the draft's workspace folder. */
    bibliography: string;
  };
  claims: {
    severity: Severity;
    citationScope: CitationScope;
    /** Minimum evidence score (0–1) for "Cite All Supported Claims" to cite a claim. */
    autoCiteThreshold: number;
  };
  quotes: {
    misquoteSeverity: Severity;
    /** Quotes shorter than this many words are kept but not offered in completion. */
    minCompletionWords: number;
  };
  index: {
    /** Keep a persisted index between sessions. */
    persist: boolean;
  };
}

export const DEFAULT_CONFIG: SourcedConfig = {
  corpus: {
    include: ['seeds/**/*.txt', 'seeds/**/*.md'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/.sourced/**'],
    maxFileSizeKb: 5120,
  },
  citations: { style: 'footnote', bibliography: 'sources.json' },
  claims: { severity: 'warning', citationScope: 'sentence', autoCiteThreshold: 0.5 },
  quotes: { misquoteSeverity: 'warning', minCompletionWords: 4 },
  index: { persist: true },
};

const SEVERITIES: readonly Severity[] = ['ignore', 'hint', 'information', 'warning', 'error'];

type Json = unknown;

function obj(v: Json): Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {};
}

function stringList(v: Json, fallback: string[]): string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v] : fallback;
}

function oneOf<T extends string>(v: Json, allowed: readonly T[], fallback: T): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

function number(v: Json, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Reads a raw settings object (any shape) into a complete config; unknown or invalid values fall back to defaults. */
export function resolveConfig(raw: Json): SourcedConfig {
  const r = obj(raw);
  const d = DEFAULT_CONFIG;
  const corpus = obj(r.corpus);
  const citations = obj(r.citations);
  const claims = obj(r.claims);
  const quotes = obj(r.quotes);
  const index = obj(r.index);
  return {
    corpus: {
      include: stringList(corpus.include, d.corpus.include),
      exclude: stringList(corpus.exclude, d.corpus.exclude),
      maxFileSizeKb: number(corpus.maxFileSizeKb, d.corpus.maxFileSizeKb, 1, 1024 * 1024),
    },
    citations: {
      style: oneOf(citations.style, ['footnote', 'pandoc'] as const, d.citations.style),
      bibliography: typeof citations.bibliography === 'string' && citations.bibliography.trim() ? citations.bibliography : d.citations.bibliography,
    },
    claims: {
      severity: oneOf(claims.severity, SEVERITIES, d.claims.severity),
      citationScope: oneOf(claims.citationScope, ['sentence', 'paragraph'] as const, d.claims.citationScope),
      autoCiteThreshold: number(claims.autoCiteThreshold, d.claims.autoCiteThreshold, 0, 1),
    },
    quotes: {
      misquoteSeverity: oneOf(quotes.misquoteSeverity, SEVERITIES, d.quotes.misquoteSeverity),
      minCompletionWords: number(quotes.minCompletionWords, d.quotes.minCompletionWords, 1, 50),
    },
    index: { persist: typeof index.persist === 'boolean' ? index.persist : d.index.persist },
  };
}
