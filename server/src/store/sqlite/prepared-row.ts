/**
 * A source's row parts packed where it was analysed (a worker thread), so that the main thread only indexes it:
 * the same msgpack blobs `SqliteStore.put` writes, and the sentences' terms as the sentence index takes them.
 */
import { pack } from 'msgpackr';
import type { PreparedSource } from '../../domain/prepared-source';
import type { SourceAnalysis } from '../../domain/source-analysis';
import { terms } from '../../text/tokenize';
import { keyOf } from '../memory/actors/actor-groups';
import { metaOf, type SourceBody } from './stored-unit';

/** Packs an analysis into a prepared source (one buffer for all its blobs). */
export function prepareSource(analysis: SourceAnalysis): PreparedSource {
  const { doc } = analysis;
  const body: SourceBody = { text: doc.text, paragraphs: doc.paragraphs, sentences: doc.sentences };
  const parts = [pack(body), pack(analysis.quotes), pack(analysis.actors), ...analysis.actors.actors.map((a) => pack(a))];
  const ends: number[] = [];
  let size = 0;
  for (const p of parts) ends.push((size += p.byteLength));
  const bytes = new Uint8Array(size);
  parts.forEach((p, i) => bytes.set(p, i === 0 ? 0 : ends[i - 1]));
  return {
    uri: doc.uri,
    path: doc.path,
    meta: metaOf(doc),
    sentenceCount: doc.sentences.length,
    terms: doc.sentences.map((s) => terms(doc.text.slice(s.start, s.end)).join(' ')).join('\n'),
    bytes: bytes.buffer,
    ends,
    actorKeys: analysis.actors.actors.map(keyOf),
  };
}

/** The sentences' terms of a prepared source, in order. */
export function sentenceTerms(prepared: PreparedSource): string[][] {
  if (prepared.sentenceCount === 0) return [];
  return prepared.terms.split('\n').map((line) => (line === '' ? [] : line.split(' ')));
}

/** Part `i` of a prepared source's buffer (0 body, 1 quotations, 2 actors, 3… each document actor). */
export function preparedPart(prepared: PreparedSource, i: number): Buffer {
  const start = i === 0 ? 0 : prepared.ends[i - 1];
  return Buffer.from(prepared.bytes, start, prepared.ends[i] - start);
}
