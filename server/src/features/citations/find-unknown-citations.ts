import type { DraftDocument } from '../drafts/draft-document';
import type { UnknownCitation } from '../../domain/findings';
import type { SourceStore } from '../../store/source-store';

/** `[^key]` with neither a footnote definition nor a source of that key; `[@key]` with no source of that key (the writer's own bibliography keys are known). */
export function findUnknownCitations(draft: DraftDocument, knowledge: SourceStore): UnknownCitation[] {
  const defined = new Set(draft.footnoteDefinitions.map((d) => d.key.toLowerCase()));
  const out: UnknownCitation[] = [];
  for (const c of draft.citations) {
    if (c.kind === 'link') continue;
    for (const key of c.keys) {
      if (knowledge.sources.byKey(key) || knowledge.sources.writerEntry(key)) continue;
      if (c.kind === 'footnote' && defined.has(key.toLowerCase())) continue;
      out.push({ code: 'unknown-citation', start: c.start, end: c.end, key, style: c.kind });
    }
  }
  return out;
}
