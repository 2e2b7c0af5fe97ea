/**
 * The persisted index: what a warm start needs to skip reading and analysing unchanged sources.
 *
 * One binary file: a header (magic, format version, build id) and sections — per-file records
 * (size, mtime, content hash, metadata, extractor output as JSON), the texts as UTF-8, paragraph and
 * sentence offsets and the sentence index's postings as typed arrays. Loading validates the structure
 * and throws on anything inconsistent, so a corrupt cache is rebuilt, never trusted; files are then
 * validated one by one against the disk (see `freshness`). The service stays free of node:fs: a store
 * (server/src/node-index-cache.ts) moves the bytes and stats the files.
 */
import type { InvertedIndexState } from './memory/inverted-index';
import type { SourceAnalysis } from '../domain/source-analysis';
import type { ParagraphKind, SourceDocument, SourceParagraph, SourceSentence } from '../domain/source-document';

/** Bump whenever the layout below or the meaning of a field changes. */
import type { SqlDatabase } from './sqlite/sql-database';

export const INDEX_FORMAT_VERSION = 3;
const MAGIC = 'SRCDIDX\n';
/** File systems with coarse timestamps (FAT: 2 s) cannot show a change made this soon after the stat. */
const RACY_WINDOW_MS = 2000;

/** Size and modification time of a corpus file, as the store sees them. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A file's stamp (null: it cannot be stat'ed) and when it was taken (ms since epoch). */
export interface StampedAt {
  stamp: FileStamp | null;
  stampedAt: number;
}

/** What is remembered of a file to decide whether its cached analysis is still good. */
export interface FileRecord extends FileStamp {
  /** When the stamp was taken (ms since epoch). */
  stampedAt: number;
  /** `contentHash` of the decoded text that was analysed. */
  hash: string;
}

/** Moves the persisted bytes and stats corpus files; implemented at the edge (Node) or in memory (tests). */
export interface IndexCacheStore {
  /** Fingerprint of the code that produced the analyses: another build means another cache. */
  readonly buildId: string;
  /** The persisted bytes, or null when there are none (or they fail the store's own checksum). */
  load(): Promise<Uint8Array | null>;
  /** Replaces the persisted bytes (given as consecutive chunks, so no copy of the whole is made), atomically. */
  save(chunks: readonly Uint8Array[]): Promise<void>;
  /** Size and mtime of a corpus file, or null when it cannot be stat'ed. */
  stamp(uri: string): Promise<FileStamp | null>;
  /**
   * The same for many files, each with the time just before its stat (a second start checks every file: one
   * promise per file cost several times the stat itself). Optional: `stamp` is used per file without it.
   */
  stampAll?(uris: readonly string[]): Promise<StampedAt[]>;
  /** Opens (creating when missing) the embedded database of `sourced.index.store: sqlite`, or null when it cannot. */
  openDatabase?(): SqlDatabase | null;
}

/** A file as the cache holds it. */
export interface CachedFile {
  record: FileRecord;
  analysis: SourceAnalysis;
  /** Its sentences' ids in the cached sentence index, in document order. */
  sentenceIds: number[];
}

/** Everything a persisted index holds. */
export interface IndexSnapshot {
  buildId: string;
  savedAt: number;
  files: CachedFile[];
  index: InvertedIndexState;
}

/** Why a cache could not be used. */
export class CacheError extends Error {}

/**
 * How far a cached file can be trusted given its current stamp: `valid` (same size and mtime, stamped
 * well after the last write), `verify` (same size but a changed or racy mtime: compare content hashes),
 * `stale` (gone or resized).
 */
export function freshness(record: FileRecord, stamp: FileStamp | null): 'valid' | 'verify' | 'stale' {
  if (!stamp || stamp.size !== record.size) return 'stale';
  if (stamp.mtimeMs !== record.mtimeMs) return 'verify';
  return record.stampedAt - record.mtimeMs <= RACY_WINDOW_MS ? 'verify' : 'valid';
}

/** A 53-bit hash of a text (cyrb53), as 14 hex digits: enough to tell edits apart, fast enough for every file. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

const KINDS: ParagraphKind[] = ['title', 'heading', 'body'];

type SectionName =
  'files' | 'extras' | 'text' | 'paragraphs' | 'sentences' | 'sentenceIds' | 'terms' | 'offsets' | 'ids' | 'tfs' | 'lengths' | 'alive';

/** Per-file JSON record: [uri, path, size, mtimeMs, stampedAt, hash, textBytes, paragraphs, sentences, meta, extrasBytes]. */
type FileRow = [string, string, number, number, number, string, number, number, number, Record<string, unknown>, number];

/** Lets long loops yield to the event loop; resolves immediately when the caller does not need that. */
export type Yielder = () => Promise<void> | void;

const encoder = new TextEncoder();
const COMMA = new Uint8Array([0x2c]);
/** Files whose extractor output is parsed in one JSON.parse: far below V8's string limit, far fewer calls than files. */
const EXTRAS_GROUP = 512;
/** Longest stretch of encoding between two pauses, in ms (requests wait at most this long for a save). */
const SLICE_MS = 20;

/**
 * Encodes a snapshot as consecutive chunks (per-file texts and extractor output are not concatenated: at 100,000
 * files that copy alone is hundreds of MB); `pause` is called between slices so a large save does not block requests.
 */
export async function serializeSnapshot(snapshot: IndexSnapshot, pause: Yielder = () => {}): Promise<Uint8Array[]> {
  let sliceStart = Date.now();
  const rows: FileRow[] = [];
  // Extractor output is encoded per file: one JSON string for 100,000 files would pass V8's string length limit.
  const extras: Uint8Array[] = [];
  let extrasBytes = 0;
  const texts: Uint8Array[] = [];
  let paragraphCount = 0;
  let sentenceCount = 0;
  let textBytes = 0;
  for (let i = 0; i < snapshot.files.length; i++) {
    const { record, analysis, sentenceIds } = snapshot.files[i];
    const { doc, ...rest } = analysis;
    const { uri, path, text, paragraphs, sentences, ...meta } = doc;
    if (sentenceIds.length !== sentences.length) throw new CacheError(`sentence ids out of step for ${path}`);
    const bytes = encoder.encode(text);
    texts.push(bytes);
    textBytes += bytes.length;
    paragraphCount += paragraphs.length;
    sentenceCount += sentences.length;
    const extra = encoder.encode(JSON.stringify(rest));
    // Separated by commas, so that a run of files decodes and parses as one JSON array (see EXTRAS_GROUP).
    if (i > 0) extras.push(COMMA);
    extras.push(extra);
    extrasBytes += extra.length + (i > 0 ? 1 : 0);
    rows.push([
      uri,
      path,
      record.size,
      record.mtimeMs,
      record.stampedAt,
      record.hash,
      bytes.length,
      paragraphs.length,
      sentences.length,
      meta,
      extra.length,
    ]);
    if (Date.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = Date.now();
    }
  }
  const paragraphs = new Uint32Array(paragraphCount * 5);
  const sentences = new Uint32Array(sentenceCount * 3);
  const sentenceIds = new Uint32Array(sentenceCount);
  let p = 0;
  let s = 0;
  for (let i = 0; i < snapshot.files.length; i++) {
    const { analysis, sentenceIds: ids } = snapshot.files[i];
    for (const para of analysis.doc.paragraphs) {
      paragraphs.set([para.start, para.end, KINDS.indexOf(para.kind), para.firstSentence, para.sentenceCount], p * 5);
      p++;
    }
    for (let k = 0; k < ids.length; k++) {
      const sentence = analysis.doc.sentences[k];
      sentences[s * 3] = sentence.start;
      sentences[s * 3 + 1] = sentence.end;
      sentences[s * 3 + 2] = sentence.paragraph;
      sentenceIds[s] = ids[k];
      s++;
    }
    if (Date.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = Date.now();
    }
  }
  const { index } = snapshot;
  const sections: [SectionName, Uint8Array[], number][] = [
    ['files', [encoder.encode(JSON.stringify(rows))]],
    ['extras', extras, extrasBytes],
    ['text', texts, textBytes],
    ['paragraphs', [bytesOf(paragraphs)]],
    ['sentences', [bytesOf(sentences)]],
    ['sentenceIds', [bytesOf(sentenceIds)]],
    ['terms', [encoder.encode(JSON.stringify(index.terms))]],
    ['offsets', [bytesOf(index.offsets)]],
    ['ids', [bytesOf(index.ids)]],
    ['tfs', [bytesOf(index.tfs)]],
    ['lengths', [bytesOf(index.lengths)]],
    ['alive', [bytesOf(index.alive)]],
  ].map(([name, chunks, total]) => [name, chunks, total ?? (chunks as Uint8Array[])[0].length] as [SectionName, Uint8Array[], number]);
  await pause();
  return assemble(snapshot, sections);
}

function bytesOf(a: Uint32Array | Uint16Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

const align8 = (n: number): number => (n + 7) & ~7;

function assemble(snapshot: IndexSnapshot, sections: [SectionName, Uint8Array[], number][]): Uint8Array[] {
  const table: Record<string, [number, number]> = {};
  let offset = 0;
  for (const [name, , length] of sections) {
    table[name] = [offset, length];
    offset = align8(offset + length);
  }
  const header = encoder.encode(JSON.stringify({ buildId: snapshot.buildId, savedAt: snapshot.savedAt, sections: table }));
  const bodyStart = align8(16 + header.length);
  const head = new Uint8Array(bodyStart);
  head.set(encoder.encode(MAGIC), 0);
  const view = new DataView(head.buffer);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, header.length, true);
  head.set(header, 16);
  const out: Uint8Array[] = [head];
  for (const [, chunks, length] of sections) {
    for (const c of chunks) if (c.length) out.push(c);
    const pad = align8(length) - length;
    if (pad) out.push(new Uint8Array(pad));
  }
  return out;
}

const decoder = new TextDecoder('utf-8');

/**
 * Reads a snapshot written by `serializeSnapshot` for this build; throws CacheError on anything unexpected.
 * `pause` is called between groups of files: a re-index must not hold the event loop while it decodes.
 */
export async function deserializeSnapshot(bytes: Uint8Array, buildId: string, pause: Yielder = () => {}): Promise<IndexSnapshot> {
  if (bytes.length < 16 || decoder.decode(bytes.subarray(0, 8)) !== MAGIC) throw new CacheError('not a Sourced index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) throw new CacheError(`format version ${version}, expected ${INDEX_FORMAT_VERSION}`);
  const headerLength = view.getUint32(12, true);
  if (16 + headerLength > bytes.length) throw new CacheError('truncated header');
  const header = parseJson(bytes.subarray(16, 16 + headerLength)) as {
    buildId?: unknown;
    savedAt?: unknown;
    sections?: Record<string, [number, number]>;
  };
  if (header.buildId !== buildId) throw new CacheError('written by another build');
  const bodyStart = align8(16 + headerLength);
  const section = (name: SectionName): Uint8Array => {
    const entry = header.sections?.[name];
    if (!Array.isArray(entry) || entry.length !== 2) throw new CacheError(`missing section ${name}`);
    const [offset, length] = entry;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || bodyStart + offset + length > bytes.length) {
      throw new CacheError(`section ${name} out of bounds`);
    }
    return bytes.subarray(bodyStart + offset, bodyStart + offset + length);
  };
  const rows = parseJson(section('files')) as FileRow[];
  const extras = section('extras');
  const text = section('text');
  const paragraphs = u32(section('paragraphs'));
  const sentences = u32(section('sentences'));
  const sentenceIds = u32(section('sentenceIds'));
  const index: InvertedIndexState = {
    terms: parseJson(section('terms')) as string[],
    offsets: u32(section('offsets')),
    ids: u32(section('ids')),
    tfs: u16(section('tfs')),
    lengths: u16(section('lengths')),
    alive: new Uint8Array(section('alive')),
  };
  checkIndex(index);
  if (!Array.isArray(rows)) throw new CacheError('file table inconsistent');
  const files: CachedFile[] = [];
  let t = 0;
  let p = 0;
  let s = 0;
  let e = 0;
  let group: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== 11) throw new CacheError('bad file row');
    const [uri, path, size, mtimeMs, stampedAt, hash, textLength, paragraphCount, sentenceCount, meta] = row;
    if (i % EXTRAS_GROUP === 0) {
      if (i > 0) await pause();
      const last = Math.min(rows.length, i + EXTRAS_GROUP);
      let end = e;
      for (let k = i; k < last; k++) end += (rows[k]?.[10] ?? 0) + (k > 0 ? 1 : 0);
      if (end > extras.length || !Number.isFinite(end)) throw new CacheError('extractor output out of bounds');
      const from = i > 0 ? e + 1 : e; // skip the comma before this group
      group = parseJson(extras.subarray(from, end), true) as Record<string, unknown>[];
      if (!Array.isArray(group) || group.length !== last - i) throw new CacheError('extractor output inconsistent');
      e = end;
    }
    const extra = group[i % EXTRAS_GROUP];
    if (t + textLength > text.length || (p + paragraphCount) * 5 > paragraphs.length || (s + sentenceCount) * 3 > sentences.length) {
      throw new CacheError(`file ${path} out of bounds`);
    }
    const body = decoder.decode(text.subarray(t, t + textLength));
    t += textLength;
    const paras: SourceParagraph[] = new Array<SourceParagraph>(paragraphCount);
    for (let k = 0; k < paragraphCount; k++, p++) {
      const o = p * 5;
      const kind = KINDS[paragraphs[o + 2]];
      if (!kind || paragraphs[o + 1] > body.length || paragraphs[o] > paragraphs[o + 1]) throw new CacheError(`bad paragraph in ${path}`);
      paras[k] = { start: paragraphs[o], end: paragraphs[o + 1], kind, firstSentence: paragraphs[o + 3], sentenceCount: paragraphs[o + 4] };
    }
    const sents: SourceSentence[] = new Array<SourceSentence>(sentenceCount);
    const ids: number[] = new Array<number>(sentenceCount);
    for (let k = 0; k < sentenceCount; k++, s++) {
      const o = s * 3;
      if (sentences[o + 1] > body.length || sentences[o + 2] >= paragraphCount || sentenceIds[s] >= index.lengths.length) {
        throw new CacheError(`bad sentence in ${path}`);
      }
      sents[k] = { start: sentences[o], end: sentences[o + 1], paragraph: sentences[o + 2] };
      ids[k] = sentenceIds[s];
    }
    const doc = { ...meta, uri, path, text: body, paragraphs: paras, sentences: sents } as SourceDocument;
    const analysis = { ...extra, doc } as SourceAnalysis;
    files.push({ record: { size, mtimeMs, stampedAt, hash }, analysis, sentenceIds: ids });
  }
  if (t !== text.length || e !== extras.length || p * 5 !== paragraphs.length || s * 3 !== sentences.length || s !== sentenceIds.length) {
    throw new CacheError('sections longer than the file table');
  }
  return { buildId, savedAt: Number(header.savedAt) || 0, files, index };
}

function checkIndex(index: InvertedIndexState): void {
  const { terms, offsets, ids, tfs, lengths, alive } = index;
  if (!Array.isArray(terms) || offsets.length !== terms.length + 1 || ids.length !== tfs.length || lengths.length !== alive.length) {
    throw new CacheError('sentence index inconsistent');
  }
  if (offsets[0] !== 0 || offsets[terms.length] !== ids.length) throw new CacheError('postings offsets inconsistent');
  for (let i = 0; i < terms.length; i++) if (offsets[i] > offsets[i + 1]) throw new CacheError('postings offsets not sorted');
  const n = lengths.length;
  for (let i = 0; i < ids.length; i++) if (ids[i] >= n) throw new CacheError('posting beyond the sentence table');
}

function parseJson(bytes: Uint8Array, asArray = false): unknown {
  try {
    const text = decoder.decode(bytes);
    return JSON.parse(asArray ? `[${text}]` : text);
  } catch {
    throw new CacheError('damaged JSON section');
  }
}

/** A fresh, aligned copy (the loaded file's buffer is not kept alive by the index; a Node Buffer's slice would not copy). */
function u32(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4) throw new CacheError('misaligned section');
  return new Uint32Array(new Uint8Array(bytes).buffer);
}

function u16(bytes: Uint8Array): Uint16Array {
  if (bytes.length % 2) throw new CacheError('misaligned section');
  return new Uint16Array(new Uint8Array(bytes).buffer);
}
