/** The transport-free Sourced service. */
export { createService, type SourcedService, type ServiceOptions } from './create-service';
export { resolveConfig, DEFAULT_CONFIG, type SourcedConfig } from '../domain/config';
export type { Corpus, CorpusEntry, CorpusEvent, CorpusRead } from '../domain/corpus';
export { MemoryCorpus } from '../ingest/memory-corpus';
export { MemoryLogger, silentLogger, type Logger } from '../domain/logger';
export { decodeSource } from '../ingest/readers/decode-source';
export type { Finding, FindingCode } from '../domain/findings';
export type { StatusReport } from '../features/status';
export type { ArchiveConnection, ArchiveStatusReport } from './archive-working-set';
