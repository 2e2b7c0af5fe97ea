import type { DraftCitation, DraftDocument } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';

/** The citation marker at an offset of the draft. */
export function citationAt(draft: DraftDocument, offset: number): DraftCitation | undefined {
  return draft.citations.find((c) => c.kind !== 'link' && offset >= c.start && offset <= c.end);
}

/** Normalises a link target relative to the draft folder into a workspace-relative path guess. */
function linkPath(draftUri: string, target: string): string[] {
  const clean = decodeURIComponent(target.replace(/[#?].*$/, ''));
  if (/^[a-z]+:/i.test(clean) && !clean.startsWith('file:')) return [];
  const draftDir = draftUri.slice(0, draftUri.lastIndexOf('/') + 1);
  const absolute = clean.startsWith('file:') ? clean : new URL(clean, draftDir).href;
  const parts = [clean.replace(/^\.\//, '')];
  parts.push(absolute);
  return parts;
}

/** The indexed source a citation refers to: by key for footnotes and Pandoc keys, by path for links. */
export function sourceOfCitation(knowledge: SourceStore, draft: DraftDocument, citation: DraftCitation): SourceUnit[] {
  const { sources } = knowledge;
  if (citation.kind !== 'link') {
    return citation.keys.map((k) => sources.byKey(k)).filter((u): u is SourceUnit => u !== undefined);
  }
  const out: SourceUnit[] = [];
  for (const candidate of linkPath(draft.uri, citation.keys[0] ?? '')) {
    const unit = candidate.includes('://') ? sources.get(candidate) : sources.byPath(candidate);
    if (unit) {
      out.push(unit);
      break;
    }
  }
  return out;
}
