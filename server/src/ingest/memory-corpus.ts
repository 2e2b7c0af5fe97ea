import type { Corpus, CorpusEntry, CorpusEvent, CorpusRead, Disposable } from '../domain/corpus';

/** An in-memory corpus for tests and embedding: paths map to texts (or to a read failure). */
export class MemoryCorpus implements Corpus {
  private readonly files = new Map<string, CorpusRead>();
  private readonly listeners = new Set<(e: CorpusEvent) => void>();

  constructor(
    files: Record<string, string> = {},
    private readonly root = 'file:///workspace',
  ) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, { ok: true, text });
  }

  /** URI of a path in this corpus. */
  uriOf(path: string): string {
    return `${this.root}/${path}`;
  }

  private pathOf(uri: string): string | undefined {
    return uri.startsWith(this.root + '/') ? uri.slice(this.root.length + 1) : undefined;
  }

  list(): Promise<CorpusEntry[]> {
    return Promise.resolve([...this.files.keys()].sort().map((path) => ({ uri: this.uriOf(path), path })));
  }

  read(uri: string): Promise<CorpusRead> {
    const path = this.pathOf(uri);
    return Promise.resolve((path !== undefined && this.files.get(path)) || { ok: false, reason: 'file not found' });
  }

  entryFor(uri: string): CorpusEntry | undefined {
    const path = this.pathOf(uri);
    return path !== undefined && this.files.has(path) ? { uri, path } : undefined;
  }

  onDidChange(listener: (e: CorpusEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Adds or replaces a file and fires created/changed. */
  set(path: string, text: string): void {
    const kind = this.files.has(path) ? 'changed' : 'created';
    this.files.set(path, { ok: true, text });
    this.fire({ kind, uri: this.uriOf(path) });
  }

  /** Makes a file unreadable, as a file that cannot be decoded would be. */
  setUnreadable(path: string, reason: string): void {
    const kind = this.files.has(path) ? 'changed' : 'created';
    this.files.set(path, { ok: false, reason });
    this.fire({ kind, uri: this.uriOf(path) });
  }

  /** Removes a file and fires deleted. */
  delete(path: string): void {
    if (this.files.delete(path)) this.fire({ kind: 'deleted', uri: this.uriOf(path) });
  }

  private fire(e: CorpusEvent): void {
    for (const l of this.listeners) l(e);
  }
}
