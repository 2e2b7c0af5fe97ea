import type { FileRead } from '../ingest/readers/read-source-file';
import type { PreparedRead } from '../domain/prepared-source';
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

/** What the worker is asked to do. */
export type WorkerJob = ReaderJob | AnalyseJob;

/** The worker's answer to a job: a read file, or an analysed one. */
export interface ReaderReply {
  id: number;
  result: FileRead | PreparedRead;
}
