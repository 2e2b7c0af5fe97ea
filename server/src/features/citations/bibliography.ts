import type { SourceUnit } from '../../store/source-store';

/** A CSL-JSON item, the bibliography format Pandoc's citeproc reads. */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title: string;
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  note: string;
}

/** The CSL-JSON entry of a source under its citation key. */
export function cslItem(unit: SourceUnit, key: string): CslItem {
  const { doc } = unit;
  const item: CslItem = { id: key, type: 'article-newspaper', title: doc.title, note: doc.path };
  if (doc.outlet) item['container-title'] = doc.outlet;
  if (doc.date) item.issued = { 'date-parts': [doc.date.split('-').map(Number)] };
  return item;
}
