/**
 * What a second start needs of every source, saved in one blob with the postings (`meta.heads`): row, identity,
 * freshness record, head and quotation ids, column by column in path order, and the quotation index's facts
 * (`meta.quote_facts`). Reading it replaces a pass over every source row (a leaf page each, and a decode of
 * three small blobs per row) with two decodes.
 */
import { pack, unpack } from 'msgpackr';
import type { QuoteFactsState } from '../memory/quote-index';
import type { FileRecord } from '../index-cache';
import type { DocumentMeta, SourceHead } from './stored-unit';

/** One source as `encodeHeads` takes it. */
export interface HeadEntry {
  row: number;
  uri: string;
  path: string;
  record: FileRecord | null;
  head: SourceHead;
  /** Its base citation key (`baseCitationKey`). */
  baseKey: string;
  quoteIds: readonly number[];
}

/** The saved heads, column by column (index i is the i-th source in path order). */
export interface SavedHeads {
  size: number;
  rows: Uint32Array;
  uris: string[];
  paths: string[];
  /** Null where the text did not come from disk (no freshness record). */
  hashes: (string | null)[];
  sizes: Float64Array;
  mtimes: Float64Array;
  stamped: Float64Array;
  metas: DocumentMeta[];
  /** Base citation keys; absent in a blob saved without them. */
  baseKeys: string[] | undefined;
  /** Per source: actor count, first sentence id, sentence count, quotation count. */
  counts: Uint32Array;
  /** Every source's quotation ids, one after the other (each source has its quotation count of them). */
  quoteIds: Uint32Array;
}

const COUNTS = 4;

/** Raw bytes of a typed array (msgpack writes them as one binary value). */
function bytes(array: Uint8Array | Uint16Array | Uint32Array | Float64Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** An aligned copy of raw bytes as a typed array. */
export function typed<T>(raw: Uint8Array, make: (buffer: ArrayBuffer) => T): T {
  return make(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer);
}

/** The heads of `entries` (in the order a start registers them) as one blob. */
export function encodeHeads(entries: readonly HeadEntry[]): Buffer {
  const n = entries.length;
  const rows = new Uint32Array(n);
  const sizes = new Float64Array(n);
  const mtimes = new Float64Array(n);
  const stamped = new Float64Array(n);
  const counts = new Uint32Array(n * COUNTS);
  const quoteIds = new Uint32Array(entries.reduce((total, e) => total + e.quoteIds.length, 0));
  let q = 0;
  entries.forEach((e, i) => {
    rows[i] = e.row;
    sizes[i] = e.record?.size ?? 0;
    mtimes[i] = e.record?.mtimeMs ?? 0;
    stamped[i] = e.record?.stampedAt ?? 0;
    counts.set([e.head.actorCount, e.head.firstSentence, e.head.sentenceCount, e.head.quoteCount], i * COUNTS);
    for (const id of e.quoteIds) quoteIds[q++] = id;
  });
  return pack({
    rows: bytes(rows),
    uris: entries.map((e) => e.uri),
    paths: entries.map((e) => e.path),
    hashes: entries.map((e) => e.record?.hash ?? null),
    sizes: bytes(sizes),
    mtimes: bytes(mtimes),
    stamped: bytes(stamped),
    metas: entries.map((e) => e.head.meta),
    baseKeys: entries.map((e) => e.baseKey),
    counts: bytes(counts),
    quoteIds: bytes(quoteIds),
  });
}

/** The blob of `encodeHeads` read back. */
export function decodeHeads(blob: Uint8Array): SavedHeads {
  const raw = unpack(blob) as Record<keyof SavedHeads, Uint8Array> & Pick<SavedHeads, 'uris' | 'paths' | 'hashes' | 'metas' | 'baseKeys'>;
  return {
    size: raw.uris.length,
    rows: typed(raw.rows, (b) => new Uint32Array(b)),
    uris: raw.uris,
    paths: raw.paths,
    hashes: raw.hashes,
    sizes: typed(raw.sizes, (b) => new Float64Array(b)),
    mtimes: typed(raw.mtimes, (b) => new Float64Array(b)),
    stamped: typed(raw.stamped, (b) => new Float64Array(b)),
    metas: raw.metas,
    baseKeys: raw.baseKeys,
    counts: typed(raw.counts, (b) => new Uint32Array(b)),
    quoteIds: typed(raw.quoteIds, (b) => new Uint32Array(b)),
  };
}

/** The head of the i-th saved source. */
export function headAt(heads: SavedHeads, i: number): SourceHead {
  const c = heads.counts;
  const at = i * COUNTS;
  return { meta: heads.metas[i], actorCount: c[at], firstSentence: c[at + 1], sentenceCount: c[at + 2], quoteCount: c[at + 3] };
}

/** The freshness record of the i-th saved source. */
export function recordAt(heads: SavedHeads, i: number): FileRecord | null {
  const hash = heads.hashes[i];
  return hash === null ? null : { size: heads.sizes[i], mtimeMs: heads.mtimes[i], stampedAt: heads.stamped[i], hash };
}

/** The quotation facts as one blob. */
export function encodeQuoteFacts(state: QuoteFactsState): Buffer {
  return pack({
    wordCounts: bytes(state.wordCounts),
    kinds: bytes(state.kinds),
    thirds: bytes(state.thirds),
    fourths: bytes(state.fourths),
    openingKeys: state.openingKeys,
    openingOffsets: bytes(state.openingOffsets),
    openingIds: bytes(state.openingIds),
    partCodes: state.partCodes,
  });
}

/** The blob of `encodeQuoteFacts` read back. */
export function decodeQuoteFacts(blob: Uint8Array): QuoteFactsState {
  const raw = unpack(blob) as Record<keyof QuoteFactsState, Uint8Array> & Pick<QuoteFactsState, 'openingKeys' | 'partCodes'>;
  return {
    wordCounts: typed(raw.wordCounts, (b) => new Uint16Array(b)),
    kinds: typed(raw.kinds, (b) => new Uint8Array(b)),
    thirds: typed(raw.thirds, (b) => new Float64Array(b)),
    fourths: typed(raw.fourths, (b) => new Float64Array(b)),
    openingKeys: raw.openingKeys,
    openingOffsets: typed(raw.openingOffsets, (b) => new Uint32Array(b)),
    openingIds: typed(raw.openingIds, (b) => new Uint32Array(b)),
    partCodes: raw.partCodes,
  };
}
