/** What the indexer hands from reading a corpus file to the build that analyses and stores it. */
import type { CorpusEntry, CorpusRead } from '../domain/corpus';
import type { PreparedRead } from '../domain/prepared-source';
import type { FileStamp } from '../store/index-cache';

/** Reports indexing progress: files done out of total. */
export type ProgressReporter = (done: number, total: number) => void;

/** A corpus file read for indexing, with the stamp taken before the read. */
export interface Fetched {
  entry: CorpusEntry;
  read: CorpusRead;
  /** The stamp taken before reading (null without persistence or when the store cannot stat). */
  stamp: FileStamp | null;
  stampedAt: number;
  overlay: boolean;
  /** The text's content hash, when the file was read and analysed on another thread (its text stayed there). */
  hash?: string;
}

/** A fetched file, and its analysis when another thread made it (null: analyse it on this one). */
export interface FetchedFile {
  fetched: Fetched;
  prepared: PreparedRead | null;
}
