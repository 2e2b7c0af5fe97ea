/** The transport-free Sourced service. */
export { createService, type SourcedService, type ServiceOptions } from './create-service';
export { resolveConfig, DEFAULT_CONFIG, type SourcedConfig } from './config';
export type { Corpus, CorpusEntry, CorpusEvent, CorpusRead } from './corpus';
export { MemoryCorpus } from './memory-corpus';
export { MemoryLogger, silentLogger, type Logger } from './logger';
export { decodeSource } from './sources/decode-source';
export type { Finding, FindingCode } from './findings';
export type { StatusReport } from './features/status';
