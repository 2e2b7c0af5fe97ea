import type { FileRead } from '../ingest/readers/read-source-file';
import type { ReadLimits } from '../domain/source-text';

/** A file for the reader worker. */
export interface ReaderJob {
  id: number;
  path: string;
  bytes: Uint8Array;
  limits: ReadLimits;
}

/** The worker's answer to a job. */
export interface ReaderReply {
  id: number;
  result: FileRead;
}
