/**
 * The writer's own bibliography entries, by key and by what identifies a source: its URL, DOI or title.
 * A source that matches an entry is cited with the writer's key.
 */
import type { WriterEntry } from '../domain/writer-entry';

/** A source's identifying fields, as far as it has them. */
export interface SourceIdentity {
  title: string;
  url?: string | null;
  doi?: string | null;
}

/** URL without scheme, `www.`, fragment, tracking query and trailing slash, lower-cased host. */
export function urlKey(url: string): string {
  try {
    const u = new URL(url.trim());
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${path}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export function doiKey(doi: string): string {
  return doi
    .trim()
    .toLowerCase()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/, '');
}

/** Letters and digits of a title, lower-cased: punctuation, quotes and case do not tell titles apart. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Shortest title that may identify a source on its own (a one-word title names many things). */
const MIN_TITLE_KEY = 12;

export class WriterBibliography {
  private readonly byKey = new Map<string, WriterEntry>();
  private readonly byUrl = new Map<string, WriterEntry>();
  private readonly byDoi = new Map<string, WriterEntry>();
  private readonly byTitle = new Map<string, WriterEntry>();

  constructor(entries: readonly WriterEntry[] = []) {
    for (const e of entries) {
      if (this.byKey.has(e.key)) continue; // the first file listed wins a key
      this.byKey.set(e.key, e);
      if (e.url) this.byUrl.set(urlKey(e.url), e);
      if (e.doi) this.byDoi.set(doiKey(e.doi), e);
      if (e.title && titleKey(e.title).length >= MIN_TITLE_KEY) this.byTitle.set(titleKey(e.title), e);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The entry with a key. */
  get(key: string): WriterEntry | undefined {
    return this.byKey.get(key);
  }

  /** Every entry, in file order. */
  entries(): IterableIterator<WriterEntry> {
    return this.byKey.values();
  }

  /** The entry that describes a source: same DOI, else same URL, else same title. */
  match(source: SourceIdentity): WriterEntry | undefined {
    if (source.doi) {
      const e = this.byDoi.get(doiKey(source.doi));
      if (e) return e;
    }
    if (source.url) {
      const e = this.byUrl.get(urlKey(source.url));
      if (e) return e;
    }
    const t = titleKey(source.title);
    return t.length >= MIN_TITLE_KEY ? this.byTitle.get(t) : undefined;
  }
}
