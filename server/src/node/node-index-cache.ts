/**
 * The persisted index on disk: in the extension's global storage folder (one sub-folder per workspace),
 * or `.sourced/` in the first workspace folder when the client gives no storage path. The bytes carry a
 * CRC-32 trailer, so a truncated or damaged file is detected and rebuilt; writes go to a temporary file
 * that is renamed over the old one, so a crash never leaves half a cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { unsafeWriteReason, unsafeWriteReasonSync } from './safe-write';
import { CacheError, INDEX_FORMAT_VERSION, type FileStamp, type IndexCacheStore, type StampedAt } from '../store/index-cache';
import type { SqlDatabase } from '../store/sqlite/sql-database';
import { openSqliteDatabase } from './sqlite-database';

/** How long `stampAll` holds the event loop before it yields, in ms. */
const STAMP_SLICE_MS = 20;

/** A file's size and mtime now, or null when it is not a regular file or cannot be stat'ed. */
function stampSync(uri: string): FileStamp | null {
  try {
    const info = statSync(fileURLToPath(uri), { throwIfNoEntry: false });
    return info?.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

const TRAILER = 'SRCK';

export interface NodeIndexCacheOptions {
  /** The extension's global storage folder (`initializationOptions.storagePath`), if any. */
  storagePath?: string;
  /** Absolute paths of the workspace folders; they name the cache and host `.sourced/` when there is no storage. */
  workspaceFolders: string[];
  /** Fingerprint of the analysing code; see `serverBuildId`. */
  buildId: string;
}

/** A fingerprint of the running server bundle: a new build of Sourced never trusts an old build's analyses. */
export function serverBuildId(): string {
  try {
    return createHash('sha1').update(readFileSync(__filename)).digest('hex').slice(0, 16);
  } catch {
    return 'unknown-build';
  }
}

/** The Node store for the persisted index. */
export class NodeIndexCache implements IndexCacheStore {
  readonly buildId: string;
  /** The cache file. */
  readonly file: string;
  private readonly inWorkspace: boolean;
  private readonly folder: string | undefined;

  constructor(options: NodeIndexCacheOptions) {
    this.buildId = options.buildId;
    const workspaceKey = createHash('sha1').update(options.workspaceFolders.join('\n')).digest('hex').slice(0, 16);
    this.inWorkspace = !options.storagePath;
    this.folder = options.workspaceFolders[0];
    const dir = options.storagePath
      ? path.join(options.storagePath, 'index', workspaceKey)
      : path.join(options.workspaceFolders[0] ?? process.cwd(), '.sourced');
    this.file = path.join(dir, `index-v${INDEX_FORMAT_VERSION}.bin`);
  }

  async load(): Promise<Uint8Array | null> {
    // A planted link (to /dev/zero, a huge file, another workspace's cache) is not our cache.
    if (this.inWorkspace && this.folder && (await unsafeWriteReason(this.file, this.folder))) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch {
      return null;
    }
    if (bytes.length < 8 || bytes.toString('latin1', bytes.length - 4) !== TRAILER) throw new CacheError('cache file truncated');
    const payload = bytes.subarray(0, bytes.length - 8);
    if (crc32(payload) !== bytes.readUInt32LE(bytes.length - 8)) throw new CacheError('cache file checksum mismatch');
    // A plain Uint8Array: Buffer's slice() shares memory where the format expects a copy.
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.length);
  }

  async save(chunks: readonly Uint8Array[]): Promise<void> {
    const dir = path.dirname(this.file);
    // An untrusted workspace may make `.sourced` (or files in it) links to elsewhere: never write through them.
    const unsafe = this.inWorkspace && this.folder ? await unsafeWriteReason(this.file, this.folder) : null;
    if (unsafe) throw new Error(`not writing the persisted index: ${unsafe}`);
    await mkdir(dir, { recursive: true });
    // Keep `.sourced/` out of git even when the workspace's .gitignore does not mention it ('wx': never through a planted link).
    if (this.inWorkspace) await writeFile(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
    let crc = 0;
    for (const c of chunks) crc = crc32(c, crc);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc, 0);
    trailer.write(TRAILER, 4, 'latin1');
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      const handle = await open(temp, 'wx');
      try {
        // writev in batches: one call per chunk would be 200,000 calls for 100,000 files.
        for (let i = 0; i < chunks.length; i += 1024) {
          const batch = chunks.slice(i, i + 1024);
          const { bytesWritten } = await handle.writev(batch);
          if (bytesWritten !== batch.reduce((n, c) => n + c.length, 0)) throw new Error('short write');
        }
        await handle.write(trailer);
      } finally {
        await handle.close();
      }
      await rename(temp, this.file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  /** Stats in slices of synchronous calls (a few microseconds each), yielding to the event loop between slices. */
  async stampAll(uris: readonly string[]): Promise<StampedAt[]> {
    const out: StampedAt[] = [];
    let sliceStart = Date.now();
    for (const uri of uris) {
      const stampedAt = Date.now();
      out.push({ stamp: stampSync(uri), stampedAt });
      if (stampedAt - sliceStart < STAMP_SLICE_MS) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
    return out;
  }

  async stamp(uri: string): Promise<FileStamp | null> {
    try {
      const info = await stat(fileURLToPath(uri));
      return info.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
    } catch {
      return null;
    }
  }

  /** The embedded index database, next to the cache file (same safety rules: never through a planted link). */
  openDatabase(): SqlDatabase | null {
    const file = this.databaseFile;
    // SQLite also writes its log and shared-memory files beside the database: none may be a planted link.
    const folder = this.folder;
    const files = [file, `${file}-wal`, `${file}-shm`];
    if (this.inWorkspace && folder && files.some((f) => unsafeWriteReasonSync(f, folder))) return null;
    mkdirSync(path.dirname(file), { recursive: true });
    if (this.inWorkspace) {
      try {
        writeFileSync(path.join(path.dirname(file), '.gitignore'), '*\n', { flag: 'wx' });
      } catch {
        // Already there.
      }
    }
    return openSqliteDatabase(file);
  }

  /** Deletes the cache file (the next start indexes from scratch). */
  async clear(): Promise<void> {
    await rm(this.file, { force: true });
    for (const suffix of ['', '-wal', '-shm']) await rm(`${this.databaseFile}${suffix}`, { force: true });
  }

  /** The embedded index database's file. */
  get databaseFile(): string {
    return this.file.replace(/\.bin$/, '.sqlite');
  }

  /** Size of the cache file in bytes, 0 when absent. */
  async sizeBytes(): Promise<number> {
    let total = 0;
    for (const file of [this.file, this.databaseFile, `${this.databaseFile}-wal`]) {
      try {
        total += (await stat(file)).size;
      } catch {
        // Absent.
      }
    }
    return total;
  }
}
