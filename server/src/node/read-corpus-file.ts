/**
 * Reads one corpus file as the indexer takes it (used by the Node corpus on the main thread and by the reader
 * workers when they read and analyse a file for a first start): symbolic links are followed only when they stay
 * inside the workspace folder, files over the size limit are skipped, and the bytes go to their format's reader.
 */
import { open, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { CorpusRead } from '../domain/corpus';
import type { ReadLimits } from '../domain/source-text';
import { decodeSource } from '../ingest/readers/decode-source';
import { needsReader } from '../ingest/readers/sniff-format';

/** How many times its size a compressed file (DOCX) may expand to before it is treated as a zip bomb. */
const EXPANSION_LIMIT = 20;

/** Where a corpus file is: its absolute path, its workspace folder's path and its path relative to that folder. */
export interface FileLocation {
  abs: string;
  root: string;
  rel: string;
}

/** A format reader for files that need one (HTML, PDF, DOCX): the reader pool, or the readers themselves. */
export type FormatReader = (rel: string, bytes: Uint8Array, limits: ReadLimits) => Promise<CorpusRead>;

/** Reads and decodes one file; never throws (a failure is a reason). */
export async function readCorpusFile(loc: FileLocation, maxFileSizeKb: number, readFormat: FormatReader): Promise<CorpusRead> {
  const maxBytes = maxFileSizeKb * 1024;
  try {
    const real = await realpath(loc.abs);
    const root = await realpath(loc.root);
    if (real !== root && !real.startsWith(root + path.sep)) return { ok: false, reason: 'symbolic link to outside the workspace folder' };
    const info = await stat(real);
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > maxBytes) {
      return {
        ok: false,
        reason: `larger than sourced.corpus.maxFileSizeKb (${Math.round(info.size / 1024)} KB > ${maxFileSizeKb} KB)`,
      };
    }
    const handle = await open(real, 'r');
    try {
      // Read at most one byte past the limit: a file that grew since stat is still caught.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const bytes = buffer.subarray(0, bytesRead);
      // HTML, PDF and Word files go to their readers; plain text is decoded here (cheap).
      if (needsReader(loc.rel)) return await readFormat(loc.rel, bytes, { maxBytes, maxExpandedBytes: maxBytes * EXPANSION_LIMIT });
      return decodeSource(bytes, maxBytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'file no longer exists'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'ELOOP'
            ? 'symbolic link loop'
            : `cannot read (${code ?? String(err)})`;
    return { ok: false, reason };
  }
}
