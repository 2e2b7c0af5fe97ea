/**
 * Settings, in one place: the project file (`.sourced.json`) overridden by the editor's `sourced` settings
 * (workspace/configuration, or initializationOptions / didChangeConfiguration for clients without it),
 * merged by `mergeSettings`, filled with defaults by `resolveConfig` and passed down as plain values.
 * The files are read by node/workspace-settings.ts.
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
    /** The writer's own bibliographies (BibTeX, CSL-JSON), read for their keys and never written. */
    writerBibliographies: string[];
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
    /** Where the index lives: on the heap (`memory`, rebuilt or restored whole at start) or in an embedded SQLite file (`sqlite`). */
    store: IndexStoreKind;
  };
}

/** The index store implementations a setting can choose. */
export type IndexStoreKind = 'memory' | 'sqlite';

export const DEFAULT_CONFIG: SourcedConfig = {
  corpus: {
    include: ['seeds/**/*.txt', 'seeds/**/*.md', 'seeds/**/*.html', 'seeds/**/*.htm', 'seeds/**/*.pdf', 'seeds/**/*.docx'],
    exclude: ['**/node_modules/**', '**/.git/**', '**/.sourced/**'],
    maxFileSizeKb: 5120,
  },
  citations: { style: 'footnote', bibliography: 'sources.json', writerBibliographies: [] },
  claims: { severity: 'warning', citationScope: 'sentence', autoCiteThreshold: 0.5 },
  quotes: { misquoteSeverity: 'warning', minCompletionWords: 4 },
  index: { persist: true, store: 'sqlite' },
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

const isBibTeX = (file: string): boolean => /\.(?:bib|bibtex)$/i.test(file);

/**
 * `sourced.citations.bibliography` is a path or a list of paths. BibTeX files are the writer's; of the JSON
 * files the first is the CSL-JSON bibliography Sourced keeps up to date, the others are the writer's.
 */
function bibliographies(v: Json, fallback: string): { bibliography: string; writerBibliographies: string[] } {
  const listed = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  const kept = listed.find((f) => !isBibTeX(f)) ?? fallback;
  return { bibliography: kept, writerBibliographies: listed.filter((f) => f !== kept) };
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
      ...bibliographies(citations.bibliography, d.citations.bibliography),
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
    index: {
      persist: typeof index.persist === 'boolean' ? index.persist : d.index.persist,
      store: oneOf(index.store, ['memory', 'sqlite'] as const, d.index.store),
    },
  };
}

function isPlainObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Deep-merges raw settings objects; a later layer wins, arrays and values replace, non-objects are skipped. */
export function mergeSettings(...layers: Json[]): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const layer of layers) {
    if (!isPlainObject(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      const current = out[key];
      out[key] =
        isPlainObject(value) && isPlainObject(current)
          ? mergeSettings(current, value)
          : isPlainObject(value)
            ? mergeSettings(value)
            : value;
    }
  }
  return out;
}

/** The settings that take one of a fixed set of values, with those values. */
export const SETTING_CHOICES: Readonly<Record<string, readonly string[]>> = {
  'citations.style': ['footnote', 'pandoc'],
  'claims.severity': SEVERITIES,
  'claims.citationScope': ['sentence', 'paragraph'],
  'quotes.misquoteSeverity': SEVERITIES,
};

/** Numeric settings with their bounds. */
const NUMBER_SETTINGS: Readonly<Record<string, readonly [number, number]>> = {
  'corpus.maxFileSizeKb': [1, 1024 * 1024],
  'claims.autoCiteThreshold': [0, 1],
  'quotes.minCompletionWords': [1, 50],
};

/**
 * What is wrong in raw settings, one message per bad value, each naming the valid values and the one used
 * instead (resolveConfig falls back to it). An unset value is not a problem.
 */
export function configProblems(raw: Json): string[] {
  const r = obj(raw);
  const at = (key: string): Json => {
    const [section, name] = key.split('.') as [string, string];
    return obj(r[section])[name];
  };
  const shown = (v: Json): string => JSON.stringify(v) ?? String(v);
  const defaults = resolveConfig({}) as unknown as Record<string, Record<string, unknown>>;
  const fallback = (key: string): string => {
    const [section, name] = key.split('.') as [string, string];
    return shown(defaults[section]?.[name]);
  };
  const out: string[] = [];
  for (const [key, allowed] of Object.entries(SETTING_CHOICES)) {
    const v = at(key);
    if (v !== undefined && !(typeof v === 'string' && allowed.includes(v))) {
      out.push(`sourced.${key}: ${shown(v)} is not a valid value; valid values are ${allowed.join(', ')} (using ${fallback(key)})`);
    }
  }
  for (const [key, [min, max]] of Object.entries(NUMBER_SETTINGS)) {
    const v = at(key);
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max)) {
      out.push(
        `sourced.${key}: ${shown(v)} is not a number from ${min} to ${max} (using ${typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback(key)})`,
      );
    }
  }
  for (const key of ['corpus.include', 'corpus.exclude']) {
    const v = at(key);
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      out.push(`sourced.${key}: ${shown(v)} is not a list of glob strings (using ${fallback(key)})`);
  }
  const bib = at('citations.bibliography');
  if (bib !== undefined && !(typeof bib === 'string' && bib.trim()))
    out.push(`sourced.citations.bibliography: ${shown(bib)} is not a file name (using ${fallback('citations.bibliography')})`);
  const persist = at('index.persist');
  if (persist !== undefined && typeof persist !== 'boolean')
    out.push(`sourced.index.persist: ${shown(persist)} is not true or false (using ${fallback('index.persist')})`);
  return out;
}
