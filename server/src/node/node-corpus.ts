import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import type { CorpusEntry, CorpusEvent, CorpusRead, Disposable, WorkspaceCorpus, WorkspaceFolder } from '../domain/corpus';
import type { SourcedConfig } from '../domain/config';
import type { PreparedRead, ReadAndPrepared } from '../domain/prepared-source';
import type { SourceText } from '../domain/source-text';
import { readCorpusFile } from './read-corpus-file';
import { sharedReaderPool, type ReaderPool } from './reader-pool';

export type { WorkspaceFolder };

type CorpusSettings = SourcedConfig['corpus'];

/** A glob that could reach outside its folder (absolute, or with a `..` segment) is never walked: nothing outside is read or listed. */
function staysInside(pattern: string): boolean {
  return !path.isAbsolute(pattern) && !/^[A-Za-z]:/.test(pattern) && !/(^|[\\/{,])\.\.([\\/},]|$)/.test(pattern);
}

/** The corpus on disk: files under the workspace folders selected by the include/exclude globs. */
export class NodeCorpus implements WorkspaceCorpus {
  private readonly listeners = new Set<(e: CorpusEvent) => void>();
  private watchers: FSWatcher[] = [];
  private readonly statting = new Map<string, Promise<void>>();
  private isIncluded!: (p: string) => boolean;
  private isExcluded!: (p: string) => boolean;

  constructor(
    private folders: WorkspaceFolder[],
    private settings: CorpusSettings,
    private readonly readers: ReaderPool = sharedReaderPool(),
  ) {
    this.compile();
  }

  private compile(): void {
    this.isIncluded = picomatch(this.settings.include, { dot: false });
    this.isExcluded = this.settings.exclude.length ? picomatch(this.settings.exclude, { dot: true }) : () => false;
  }

  /** Applies new folders or corpus settings (the caller re-indexes). */
  update(folders: WorkspaceFolder[], settings: CorpusSettings): void {
    this.folders = folders;
    this.settings = settings;
    this.compile();
    if (this.watchers.length) this.watchFileSystem();
  }

  async list(): Promise<CorpusEntry[]> {
    const out: CorpusEntry[] = [];
    const include = this.settings.include.filter(staysInside);
    if (include.length === 0) return out;
    for (const folder of this.folders) {
      const files = await glob(include, {
        cwd: folder.path,
        ignore: this.settings.exclude,
        onlyFiles: true,
        followSymbolicLinks: false,
        absolute: false,
        expandDirectories: false,
      });
      files.push(...(await this.specialFilesBeside(folder.path, files)));
      for (const rel of files.sort()) {
        out.push({ uri: pathToFileURL(path.join(folder.path, rel)).href, path: rel.split(path.sep).join('/') });
      }
    }
    return out;
  }

  /**
   * Matching names that the glob leaves out because they are not regular files (a FIFO would block a reader, a
   * device like /dev/zero never ends, a link may lead anywhere), looked for in the folders that hold matches: they
   * are listed so that read() skips each with a reason the writer can see, instead of vanishing without a word.
   */
  private async specialFilesBeside(root: string, files: readonly string[]): Promise<string[]> {
    const listed = new Set(files);
    const dirs = new Set(files.map((f) => path.posix.dirname(f)));
    const out: string[] = [];
    for (const dir of dirs) {
      const entries = await readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const rel = dir === '.' ? e.name : `${dir}/${e.name}`;
        if (e.isFile() || e.isDirectory() || listed.has(rel) || !this.isIncluded(rel) || this.isExcluded(rel)) continue;
        out.push(rel);
      }
    }
    return out;
  }

  /** The folder and relative path of a URI, if it lies inside a workspace folder. */
  private locate(uri: string): { folder: WorkspaceFolder; rel: string; abs: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let abs: string;
    try {
      abs = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    for (const folder of this.folders) {
      const rel = path.relative(folder.path, abs);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { folder, rel: rel.split(path.sep).join('/'), abs };
    }
    return undefined;
  }

  entryFor(uri: string): CorpusEntry | undefined {
    const loc = this.locate(uri);
    if (!loc || !this.isIncluded(loc.rel) || this.isExcluded(loc.rel)) return undefined;
    return { uri: pathToFileURL(loc.abs).href, path: loc.rel };
  }

  async read(uri: string): Promise<CorpusRead> {
    const loc = this.locate(uri);
    if (!loc) return { ok: false, reason: 'outside the workspace folders' };
    return readCorpusFile({ abs: loc.abs, root: loc.folder.path, rel: loc.rel }, this.settings.maxFileSizeKb, (rel, bytes, limits) =>
      this.readers.read(rel, bytes, limits),
    );
  }

  /** Analyses and packs a read file on a reader worker (the build's main thread then only indexes it). */
  analyse(entry: CorpusEntry, text: string, source: SourceText | undefined): Promise<PreparedRead | null> {
    return this.readers.analyse(entry.uri, entry.path, text, source);
  }

  /** Reads, analyses and packs a file on a reader worker; null when the worker failed on it. */
  readAndAnalyse(entry: CorpusEntry): Promise<ReadAndPrepared | null> {
    const loc = this.locate(entry.uri);
    if (!loc) return Promise.resolve({ ok: false, reason: 'outside the workspace folders' });
    const where = { abs: loc.abs, root: loc.folder.path, rel: loc.rel };
    return this.readers.readAndAnalyse(entry.uri, entry.path, where, this.settings.maxFileSizeKb);
  }

  onDidChange(listener: (e: CorpusEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Forwards a file event (from the client's watcher or our own) when it concerns the corpus. */
  notify(event: CorpusEvent): void {
    if (event.kind !== 'deleted' && !this.entryFor(event.uri)) return;
    if (event.kind === 'deleted' && !this.locate(event.uri)) return;
    for (const l of this.listeners) l(event);
  }

  /** Watches the workspace folders ourselves, for clients that do not send didChangeWatchedFiles. */
  watchFileSystem(): void {
    this.stopWatching();
    for (const folder of this.folders) {
      try {
        const w = watch(folder.path, { recursive: true }, (_type, name) => {
          if (!name) return;
          const abs = path.join(folder.path, name.toString());
          const uri = pathToFileURL(abs).href;
          // One stat at a time per path, so a file's events are reported in the order they happened.
          const next = (this.statting.get(abs) ?? Promise.resolve())
            .then(() => stat(abs))
            .then(
              // A directory (or a link to one) is not a source: only files are reported.
              (info) => (info.isDirectory() ? undefined : this.notify({ kind: 'changed', uri })),
              () => this.notify({ kind: 'deleted', uri }),
            );
          this.statting.set(abs, next);
          void next.finally(() => {
            if (this.statting.get(abs) === next) this.statting.delete(abs);
          });
        });
        w.on('error', () => w.close());
        this.watchers.push(w);
      } catch {
        // A folder that cannot be watched still works; changes then need a re-index.
      }
    }
  }

  stopWatching(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }
}
