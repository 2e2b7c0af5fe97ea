import { computeLineStarts, rangeAt } from '../../text/line-index';
import type { WriterEntry } from '../../domain/writer-entry';
import { WriterBibliography } from '../writer-bibliography';
import { InvertedIndex } from './inverted-index';
import { UnitOwners } from './unit-owners';
import { terms } from '../../text/tokenize';
import type { Location } from 'vscode-languageserver-types';
import type { SourceAnalysis } from '../../domain/source-analysis';
import type { SourceReads, SourceUnit } from '../source-store';
import { baseCitationKey, CitationKeyRegistry } from './citation-keys';

export type { SourceUnit };

/** Something kept up to date as sources come and go (the actor index, the quote index). */
export interface UnitListener {
  unitAdded(unit: SourceUnit): void;
  unitRemoved(unit: SourceUnit): void;
}

/** The corpus-wide store of analysed sources with a sentence-level inverted index. Updated one file at a time. */
export class SourceIndex implements SourceReads {
  /** BM25 index over every sentence of every source. */
  readonly sentences = new InvertedIndex();
  private readonly units = new Map<string, SourceUnit>();
  private readonly owners = new UnitOwners();
  private readonly keys = new CitationKeyRegistry();
  private readonly uriByKey = new Map<string, string>();
  private readonly uriByPath = new Map<string, string>();
  /** The key each path holds in `uriByKey`, so that re-keying touches only the paths concerned. */
  private readonly assigned = new Map<string, { key: string; uri: string }>();
  private readonly lineStarts = new WeakMap<SourceUnit, Uint32Array>();
  private readonly listeners: UnitListener[] = [];
  private writer = new WriterBibliography();
  /** Sources the writer's bibliography describes: writer key → URI, and URI → writer key. */
  private readonly uriByWriterKey = new Map<string, string>();
  private readonly writerKeyByUri = new Map<string, string>();

  /** Uses the writer's bibliography: a source that matches an entry is cited with the writer's key. */
  setWriterBibliography(writer: WriterBibliography): void {
    this.writer = writer;
    this.uriByWriterKey.clear();
    this.writerKeyByUri.clear();
    for (const unit of this.units.values()) this.matchWriter(unit);
  }

  private matchWriter(unit: SourceUnit): void {
    const entry = this.writer.size ? this.writer.match(unit.doc) : undefined;
    // The first source (in corpus order) that matches an entry holds its key.
    if (!entry || this.uriByWriterKey.has(entry.key)) return;
    this.uriByWriterKey.set(entry.key, unit.doc.uri);
    this.writerKeyByUri.set(unit.doc.uri, entry.key);
  }

  private unmatchWriter(uri: string): void {
    const key = this.writerKeyByUri.get(uri);
    if (key === undefined) return;
    this.writerKeyByUri.delete(uri);
    this.uriByWriterKey.delete(key);
  }

  writerEntry(key: string): WriterEntry | undefined {
    return this.writer.get(key);
  }

  writerEntries(): IterableIterator<WriterEntry> {
    return this.writer.entries();
  }

  /** Registers a listener that sees every unit added and removed from now on. */
  listen(listener: UnitListener): void {
    this.listeners.push(listener);
  }

  /**
   * Adds or replaces the source of `analysis.doc.uri`. `restoredIds` are its sentences' ids when the
   * sentence index was loaded from the persisted cache (no tokenising then).
   */
  add(analysis: SourceAnalysis, restoredIds?: readonly number[]): SourceUnit {
    this.remove(analysis.doc.uri);
    const { doc } = analysis;
    const sentenceIds = new Array<number>(doc.sentences.length);
    for (let i = 0; i < doc.sentences.length; i++) {
      const s = doc.sentences[i];
      sentenceIds[i] = restoredIds ? restoredIds[i] : this.sentences.add(terms(doc.text.slice(s.start, s.end)));
    }
    const unit: SourceUnit = { ...analysis, sentenceIds };
    this.addUnit(unit);
    return unit;
  }

  /**
   * Registers a unit whose sentences are already in `sentences` under `unit.sentenceIds` (a persistent store
   * restores or builds its units itself; see store/sqlite/). Replaces any source with the same URI first.
   * `baseKey`: its `baseCitationKey` as saved with it (a second start then does not tokenise every title).
   */
  addUnit(unit: SourceUnit, baseKey?: string): void {
    const { doc } = unit;
    if (this.units.get(doc.uri) !== unit) this.remove(doc.uri);
    this.owners.add(unit, unit.sentenceIds);
    this.units.set(doc.uri, unit);
    this.uriByPath.set(doc.path, doc.uri);
    this.refreshKeys(this.keys.add(doc.path, baseKey ?? baseCitationKey(doc)));
    this.matchWriter(unit);
    for (const l of this.listeners) l.unitAdded(unit);
  }

  /** Removes a source; returns false if it was not indexed. */
  remove(uri: string): boolean {
    const unit = this.units.get(uri);
    if (!unit) return false;
    for (const l of this.listeners) l.unitRemoved(unit);
    const ids = unit.sentenceIds;
    for (const id of ids) this.sentences.remove(id);
    this.owners.remove(unit, ids);
    this.units.delete(uri);
    this.unmatchWriter(uri);
    this.uriByPath.delete(unit.doc.path);
    this.unassign(unit.doc.path);
    this.refreshKeys(this.keys.remove(unit.doc.path));
    return true;
  }

  /** Drops the key a path had in `uriByKey` (if it still points at that path's source). */
  private unassign(path: string): void {
    const old = this.assigned.get(path);
    if (!old) return;
    if (this.uriByKey.get(old.key) === old.uri) this.uriByKey.delete(old.key);
    this.assigned.delete(path);
  }

  /** Re-keys only the paths whose key may have changed (the registry names them; touching every key would make loading quadratic). */
  private refreshKeys(paths: string[]): void {
    for (const path of paths) this.unassign(path);
    for (const path of paths) {
      const uri = this.uriByPath.get(path);
      const key = this.keys.keyOf(path);
      if (uri && key) {
        this.uriByKey.set(key, uri);
        this.assigned.set(path, { key, uri });
      }
    }
  }

  get(uri: string): SourceUnit | undefined {
    return this.units.get(uri);
  }

  /** The source with a citation key. */
  byKey(key: string): SourceUnit | undefined {
    const uri = this.uriByWriterKey.get(key) ?? this.uriByKey.get(key);
    return uri === undefined ? undefined : this.units.get(uri);
  }

  /** The source at a workspace-relative path. */
  byPath(path: string): SourceUnit | undefined {
    const uri = this.uriByPath.get(path);
    return uri === undefined ? undefined : this.units.get(uri);
  }

  /** The base citation key of an indexed source (before numbering), as a store saves it. */
  baseKeyOf(unit: SourceUnit): string {
    return this.keys.baseKey(unit.doc.path) ?? baseCitationKey(unit.doc);
  }

  /** The citation key of an indexed source. */
  keyOf(unit: SourceUnit): string {
    const writerKey = this.writerKeyByUri.get(unit.doc.uri);
    if (writerKey !== undefined) return writerKey;
    return this.keys.keyOf(unit.doc.path) ?? baseCitationKey(unit.doc);
  }

  /** Every indexed source. */
  all(): IterableIterator<SourceUnit> {
    return this.units.values();
  }

  get size(): number {
    return this.units.size;
  }

  /** The source and sentence index of a sentence id from `sentences`. */
  sentence(id: number): { unit: SourceUnit; index: number } | undefined {
    return this.owners.get(id);
  }

  /** The passage id of sentence `index` of a source, or undefined outside it. */
  sentenceId(unit: SourceUnit, index: number): number | undefined {
    return index < 0 ? undefined : unit.sentenceIds[index];
  }

  /** The LSP location of an offset span in a source. */
  location(unit: SourceUnit, start: number, end: number): Location {
    let starts = this.lineStarts.get(unit);
    if (!starts) this.lineStarts.set(unit, (starts = computeLineStarts(unit.doc.text)));
    return { uri: unit.doc.uri, range: rangeAt({ text: unit.doc.text, lineStarts: starts }, start, end) };
  }
}
