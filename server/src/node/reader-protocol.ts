import type { FileRead } from '../ingest/readers/read-source-file';
import type { PreparedRead, ReadAndPrepared } from '../domain/prepared-source';
import type { FileLocation } from './read-corpus-file';
import type { ReadLimits, SourceText } from '../domain/source-text';

/** A file for the reader worker. */
export interface ReaderJob {
  kind: 'read';
  id: number;
  path: string;
  bytes: Uint8Array;
  limits: ReadLimits;
}

/** A read file to analyse and pack for the embedded store (see `PreparedSource`). */
export interface AnalyseJob {
  kind: 'analyse';
  id: number;
  uri: string;
  path: string;
  text: string;
  source?: SourceText;
}

/** A corpus file to read (as the Node corpus reads it), analyse and pack. */
export interface ReadAnalyseJob {
  kind: 'read-analyse';
  id: number;
  uri: string;
  path: string;
  loc: FileLocation;
  maxFileSizeKb: number;
}

/** What the worker is asked to do. */
export type WorkerJob = ReaderJob | AnalyseJob | ReadAnalyseJob;

/** What a job gave, tagged with the job's kind: the pool rejects an answer of another kind instead of guessing by its shape. */
export type JobResult =
  { kind: 'read'; result: FileRead } | { kind: 'analyse'; result: PreparedRead } | { kind: 'read-analyse'; result: ReadAndPrepared };

/** The worker's answer to the job `id`. */
export type ReaderReply = JobResult & { id: number };
