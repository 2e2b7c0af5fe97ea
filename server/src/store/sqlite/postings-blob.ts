/**
 * A saved postings index as one blob whose arrays a start adopts as views, with no copy: a magic, the header
 * (terms and array lengths, msgpack), then the arrays at aligned offsets. Before it the index was one msgpack
 * value whose arrays sat at odd offsets and were copied at every start (hundreds of MB at 100,000 sources); a blob
 * of that kind is still read (`isPostingsBlob` tells them apart: a msgpack value never starts with the magic).
 */
import { pack, unpack } from 'msgpackr';
import type { InvertedIndexState } from '../memory/inverted-index';

const MAGIC = 0x31505253; // "SRP1" read as a little-endian u32
/** Magic and header length. */
const PREFIX = 8;
const ALIGN = 8;

type Arrays = [Uint32Array, Uint32Array, Uint16Array, Uint16Array, Uint8Array];

const arraysOf = (s: InvertedIndexState): Arrays => [s.offsets, s.ids, s.tfs, s.lengths, s.alive];

/** Whether a saved value is in this layout (else it is the older msgpack one). */
export function isPostingsBlob(blob: Uint8Array): boolean {
  return blob.byteLength >= PREFIX && new DataView(blob.buffer, blob.byteOffset, PREFIX).getUint32(0, true) === MAGIC;
}

/** The index state as one blob. */
export function encodePostings(state: InvertedIndexState): Buffer {
  const arrays = arraysOf(state);
  const header = pack({ terms: state.terms, lengths: arrays.map((a) => a.length) });
  const start = Math.ceil((PREFIX + header.byteLength) / ALIGN) * ALIGN;
  const out = Buffer.alloc(start + arrays.reduce((n, a) => n + a.byteLength, 0));
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(header.byteLength, 4);
  header.copy(out, PREFIX);
  let at = start;
  // In this order every array starts at a multiple of its element size (4-byte arrays first, then 2, then 1).
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  return out;
}

/** The state of an `encodePostings` blob; its arrays are views of the blob (of an aligned copy when it is not aligned). */
export function decodePostings(read: Uint8Array): InvertedIndexState {
  const blob = read.byteOffset % ALIGN === 0 ? read : new Uint8Array(read);
  const headerLength = new DataView(blob.buffer, blob.byteOffset, PREFIX).getUint32(4, true);
  const header = unpack(blob.subarray(PREFIX, PREFIX + headerLength)) as { terms: string[]; lengths: number[] };
  const [offsets, ids, tfs, lengths, alive] = header.lengths;
  let at = blob.byteOffset + Math.ceil((PREFIX + headerLength) / ALIGN) * ALIGN;
  const take = <T extends { byteLength: number }>(make: (buffer: ArrayBufferLike, offset: number) => T): T => {
    const array = make(blob.buffer, at);
    at += array.byteLength;
    return array;
  };
  return {
    terms: header.terms,
    offsets: take((b, o) => new Uint32Array(b, o, offsets)),
    ids: take((b, o) => new Uint32Array(b, o, ids)),
    tfs: take((b, o) => new Uint16Array(b, o, tfs)),
    lengths: take((b, o) => new Uint16Array(b, o, lengths)),
    alive: take((b, o) => new Uint8Array(b, o, alive)),
  };
}
