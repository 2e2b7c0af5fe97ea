/** What the indexer hands from reading a corpus file to the build that analyses and stores it. */
import type { CorpusEntry, CorpusRead } from '../domain/corpus';
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
}
