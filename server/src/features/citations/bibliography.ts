import type { SourceUnit } from '../../store/source-store';

/** A CSL name: a person split into family and given names, or an organisation as a literal. */
export type CslName = { family: string; given?: string } | { literal: string };

/** A CSL-JSON item, the bibliography format Pandoc's citeproc reads. */
export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage' | 'report' | 'document';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  URL?: string;
  DOI?: string;
  language?: string;
  note: string;
}

/** "Jane Roe" → family Roe, given Jane; "Roe, Jane" likewise; one word or an organisation stays literal. */
export function cslName(name: string): CslName {
  const comma = /^([^,]+),\s*(.+)$/.exec(name);
  if (comma) return { family: comma[1].trim(), given: comma[2].trim() };
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || words.some((w) => !/^\p{Lu}/u.test(w))) return { literal: name.trim() };
  return { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
}

const TYPE_OF_FORMAT: Record<string, CslItem['type']> = { html: 'webpage', pdf: 'report', docx: 'document' };

/** The CSL-JSON entry of a source under its citation key, with the metadata its reader found. */
export function cslItem(unit: SourceUnit, key: string): CslItem {
  const { doc } = unit;
  // A web page from a news outlet is still a newspaper article when it names its outlet.
  const type = doc.format === 'html' && doc.outlet ? 'article-newspaper' : (TYPE_OF_FORMAT[doc.format ?? ''] ?? 'article-newspaper');
  const item: CslItem = { id: key, type, title: doc.title, note: doc.path };
  const authors = (doc.authors ?? []).filter((a) => a !== doc.outlet);
  if (authors.length) item.author = authors.map(cslName);
  if (doc.outlet) item['container-title'] = doc.outlet;
  if (doc.date) item.issued = { 'date-parts': [doc.date.split('-').map(Number)] };
  if (doc.url) item.URL = doc.url;
  if (doc.doi) item.DOI = doc.doi;
  if (doc.language) item.language = doc.language;
  return item;
}
