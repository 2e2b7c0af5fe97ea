import { cslItem, type CslItem } from '../citations/bibliography';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';

/**
 * The CSL-JSON bibliography of the drafts: one item per indexed source that a
 * `[@key]` or `[^key]` of any of them cites, sorted by key. The server writes
 * it to `citations.bibliography` in Pandoc style, so `pandoc --citeproc`
 * finds every cited key and lists nothing that is not cited.
 */
export function draftBibliography(k: SourceStore, drafts: readonly DraftDocument[]): CslItem[] {
  const items = new Map<string, CslItem>();
  for (const draft of drafts) {
    for (const c of draft.citations) {
      if (c.kind === 'link') continue;
      for (const key of c.keys) {
        // The writer's own keys stay in the writer's bibliography: listing them twice would clash in Pandoc.
        if (k.sources.writerEntry(key)) continue;
        const unit = k.sources.byKey(key);
        if (unit && !items.has(key)) items.set(key, cslItem(unit, key));
      }
    }
  }
  return [...items.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The bibliography file's text: stable formatting, so an unchanged bibliography is not rewritten. */
export function bibliographyText(items: readonly CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}
