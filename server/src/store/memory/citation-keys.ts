import { words } from '../../text/tokenize';
import type { SourceDocument } from '../../domain/source-document';

/** Words left out of citation keys: they make keys longer without making them easier to recognise. */
const KEY_STOPWORDS = new Set(
  'a an the of in on at to for from by and or with about as is are was were be its it this that after over into amid'.split(' '),
);
const KEY_WORDS = 3;

/** The readable base of a citation key: three significant title words and the year, e.g. `iran-turkey-warn-2024`. */
export function baseCitationKey(doc: Pick<SourceDocument, 'title' | 'year' | 'path'>): string {
  const picked = words(doc.title)
    .map((w) => w.replace(/'s$/, '').replace(/[^a-z0-9]/g, ''))
    .filter((w) => w && !KEY_STOPWORDS.has(w))
    .slice(0, KEY_WORDS);
  if (picked.length === 0) {
    const file = doc.path.split('/').pop() ?? 'source';
    picked.push(...words(file.replace(/\.[^.]+$/, '')).slice(0, KEY_WORDS));
  }
  const base = picked.join('-') || 'source';
  return doc.year ? `${base}-${doc.year}` : base;
}

/**
 * Keeps keys unique and stable: among sources sharing a base key, the one with
 * the smallest path keeps the base and the others get `-2`, `-3`… in path order,
 * so the same files always get the same keys.
 */
export class CitationKeyRegistry {
  private readonly byBase = new Map<string, string[]>();
  private readonly baseOf = new Map<string, string>();

  /** Registers a source (by path) under a base key; returns the paths whose key may have changed. */
  add(path: string, base: string): string[] {
    this.remove(path);
    const paths = this.byBase.get(base) ?? [];
    paths.push(path);
    paths.sort();
    this.byBase.set(base, paths);
    this.baseOf.set(path, base);
    return paths;
  }

  /** Unregisters a source; returns the paths whose key may have changed. */
  remove(path: string): string[] {
    const base = this.baseOf.get(path);
    if (base === undefined) return [];
    this.baseOf.delete(path);
    const paths = (this.byBase.get(base) ?? []).filter((p) => p !== path);
    if (paths.length) this.byBase.set(base, paths);
    else this.byBase.delete(base);
    return paths;
  }

  /** The unique key of a registered source. */
  keyOf(path: string): string | undefined {
    const base = this.baseOf.get(path);
    if (base === undefined) return undefined;
    const rank = this.byBase.get(base)?.indexOf(path) ?? -1;
    if (rank < 0) return undefined;
    return rank === 0 ? base : `${base}-${rank + 1}`;
  }
}
