/**
 * Reads a bibliography the writer keeps (BibTeX/BibLaTeX or CSL-JSON, e.g. exported from Zotero) with
 * citation-js into plain entries. Read only: Sourced never writes these files.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import type { WriterEntry } from '../../domain/writer-entry';
import { cleanInline } from './clean-text';

export type BibliographyRead = { ok: true; entries: WriterEntry[] } | { ok: false; reason: string };

type Csl = Record<string, unknown>;

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? cleanInline(v) : typeof v === 'number' ? String(v) : null;
}

function names(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((n: unknown) => {
      if (!n || typeof n !== 'object') return null;
      const o = n as Csl;
      const literal = text(o.literal);
      if (literal) return literal;
      const family = text(o.family);
      const given = text(o.given);
      return family ? (given ? `${family}, ${given}` : family) : given;
    })
    .filter((s): s is string => s !== null);
}

function dateOf(v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const parts = (v as Csl)['date-parts'];
  const first = Array.isArray(parts) && Array.isArray(parts[0]) ? (parts[0] as unknown[]) : null;
  if (first && typeof first[0] === 'number') {
    return first
      .filter((x): x is number => typeof x === 'number')
      .slice(0, 3)
      .map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0')))
      .join('-');
  }
  const raw = text((v as Csl).raw) ?? text((v as Csl).literal);
  return raw && /^\d{4}(-\d{2}){0,2}$/.test(raw) ? raw : null;
}

function entryOf(item: Csl, file: string): WriterEntry | null {
  const key = text(item['citation-key']) ?? text(item.id);
  if (!key) return null;
  return {
    key,
    title: text(item.title),
    authors: names(item.author).length ? names(item.author) : names(item.editor),
    container: text(item['container-title']) ?? text(item.publisher),
    date: dateOf(item.issued),
    url: text(item.URL),
    doi: text(item.DOI),
    type: text(item.type) ?? 'document',
    file,
  };
}

/** Parses a bibliography's text; the format is told by the file name (.bib, .json) or, failing that, by citation-js. */
export async function readBibliography(content: string, file: string): Promise<BibliographyRead> {
  const forceType = /\.json$/i.test(file) ? '@csl/list+object' : /\.(bib|bibtex)$/i.test(file) ? '@biblatex/text' : undefined;
  try {
    const input = forceType === '@csl/list+object' ? (JSON.parse(content) as unknown) : content;
    const cite = await Cite.async(input as string, { generateGraph: false, ...(forceType ? { forceType } : {}) });
    const entries = cite.data.map((item) => entryOf(item, file)).filter((e): e is WriterEntry => e !== null);
    return { ok: true, entries };
  } catch (err) {
    return { ok: false, reason: `cannot read bibliography (${err instanceof Error ? err.message : String(err)})` };
  }
}
