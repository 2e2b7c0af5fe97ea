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

/** Where `path` is, or would be inserted, in the sorted `paths`. */
function placeOf(paths: readonly string[], path: string): number {
  let from = 0;
  let to = paths.length;
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (paths[mid] < path) from = mid + 1;
    else to = mid;
  }
  return from;
}

/**
 * Keeps keys unique and stable: among sources sharing a base key, the one with
 * the smallest path keeps the base and the others get `-2`, `-3`… in path order,
 * so the same files always get the same keys. Each base's paths stay sorted and are found by binary search: a
 * build adds in path order, so thousands of sources with one title (press releases, copies) cost n log n, not n².
 */
export class CitationKeyRegistry {
  private readonly byBase = new Map<string, string[]>();
  private readonly baseOf = new Map<string, string>();

  /** Registers a source (by path) under a base key; returns the paths whose key may have changed (in path order). */
  add(path: string, base: string): string[] {
    let paths = this.byBase.get(base);
    // A new path after every other of its base (a build or a start adds in path order): nothing else moves.
    if (!this.baseOf.has(path) && (!paths || paths[paths.length - 1] < path)) {
      if (paths) paths.push(path);
      else this.byBase.set(base, [path]);
      this.baseOf.set(path, base);
      return [path];
    }
    const moved = this.remove(path);
    paths = this.byBase.get(base);
    if (!paths) this.byBase.set(base, (paths = []));
    const at = placeOf(paths, path);
    if (at === paths.length) paths.push(path);
    else paths.splice(at, 0, path);
    this.baseOf.set(path, base);
    const changed = paths.slice(at);
    return moved.length ? [...moved, ...changed] : changed;
  }

  /** Unregisters a source; returns the paths whose key may have changed (those after it under its base). */
  remove(path: string): string[] {
    const base = this.baseOf.get(path);
    if (base === undefined) return [];
    this.baseOf.delete(path);
    const paths = this.byBase.get(base) ?? [];
    const at = placeOf(paths, path);
    if (paths[at] === path) paths.splice(at, 1);
    if (paths.length === 0) this.byBase.delete(base);
    return paths.slice(at);
  }

  /** The base key a source was registered under. */
  baseKey(path: string): string | undefined {
    return this.baseOf.get(path);
  }

  /** The unique key of a registered source. */
  keyOf(path: string): string | undefined {
    const base = this.baseOf.get(path);
    if (base === undefined) return undefined;
    const paths = this.byBase.get(base) ?? [];
    const rank = placeOf(paths, path);
    if (paths[rank] !== path) return undefined;
    return rank === 0 ? base : `${base}-${rank + 1}`;
  }
}
