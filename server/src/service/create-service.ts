import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver-types';
import { listSources, sourceDetails, type SourceDetails, type SourceListItem } from '../features/sources/source-list';
import {
  actorCard,
  actorDefinition,
  actorReferences,
  actorSymbols,
  listActors,
  type ActorListItem,
} from '../features/actors/actor-navigation';
import { actorHover } from '../features/actors/actor-hover';
import { NEVER_CANCELLED, type Cancellation } from '../domain/cancellation';
import { citationHover } from '../features/citations/citation-hover';
import { provideCitationKeyCompletion } from '../features/citations/citation-key-completion';
import type { WriterEntry } from '../domain/writer-entry';
import { WriterBibliography } from '../store/writer-bibliography';
import { citationAt, sourceOfCitation } from '../features/citations/find-citation';
import { findUnknownCitations } from '../features/citations/find-unknown-citations';
import { citeAllEdits } from '../features/claims/cite-all';
import { bibliographyText, draftBibliography } from '../features/claims/draft-bibliography';
import { findClaimFindings } from '../features/claims/find-claim-findings';
import { resolveConfig, type IndexStoreKind, type SourcedConfig } from '../domain/config';
import type { ServiceContext, TextDocumentLike } from '../features/context';
import type { Corpus, Disposable } from '../domain/corpus';
import type { DraftDocument } from '../features/drafts/draft-document';
import { parseDraft, parseDraftAsync } from '../features/drafts/parse-draft';
import { provideCodeActions } from '../features/code-actions';
import { documentSymbols, sourceSymbols } from '../features/symbols';
import { status, type StatusReport } from '../features/status';
import type { Finding } from '../domain/findings';
import { Indexer, type ProgressReporter } from '../ingest/indexer';
import type { IndexCacheStore } from '../store/index-cache';
import { silentLogger, type Logger } from '../domain/logger';
import { findMisquotes } from '../features/quotes/find-misquotes';
import { provideQuoteCompletion } from '../features/quotes/quote-completion';
import { quoteHover } from '../features/quotes/quote-hover';
import { quoteDefinition } from '../features/quotes/quote-navigation';
import { searchQuotes, type QuoteSearchResult } from '../features/quotes/search-quotes';
import { insertQuoteEdits } from '../features/quotes/insert-quote-edits';
import { offsetAt } from '../text/line-index';
import { toDiagnostics } from '../features/to-diagnostic';
import { ArchiveAnswers } from './archive-answers';
import { prefetchDraft, prefetchQuotation } from './archive-prefetch';
import { ArchiveWorkingSet, type ArchiveConnection, type ArchiveStatusReport } from './archive-working-set';

export interface ServiceOptions {
  corpus: Corpus;
  /** Raw `sourced` settings; defaults fill the gaps. */
  config?: unknown;
  logger?: Logger;
  /** Open drafts, for features that look across them (references). */
  openDocuments?: () => TextDocumentLike[];
  /** Where to persist the index between sessions (used when `sourced.index.persist` is on). */
  indexCache?: IndexCacheStore;
  /** The team archive (`sourced.archive.url`), read next to the local sources. */
  archive?: ArchiveConnection;
}

/** The Sourced language service: LSP types in and out, no transport. Every method returns an empty result rather than throw. */
export interface SourcedService {
  /** Starts the first full index build; requests wait for it. */
  start(progress?: ProgressReporter): Promise<void>;
  /** Resolves when the first build is done. */
  whenReady(): Promise<void>;
  /** Rebuilds the whole index (requests keep the old one until done). */
  reindex(progress?: ProgressReporter, token?: Cancellation): Promise<void>;
  updateConfig(raw: unknown): void;
  config(): SourcedConfig;
  status(): StatusReport & { archive?: ArchiveStatusReport };
  /** Reads a team archive from now on (or none); the previous one is closed. */
  setArchive(connection: ArchiveConnection | null): void;
  /** Called when the archive goes offline or reconnects. */
  onDidChangeArchive(listener: (s: ArchiveStatusReport) => void): Disposable;
  /** Called when the index changed: diagnostics of open drafts may have changed. */
  onDidChangeIndex(listener: () => void): Disposable;
  /** Open-editor text of a corpus file (wins over disk); null to go back to disk. */
  setSourceOverlay(uri: string, text: string | null): void;
  /** True if the URI is a corpus file rather than a draft. */
  isSource(uri: string): boolean;

  /** The writer's own bibliography entries (read by the host from `sourced.citations.bibliography`); replaces the last set. */
  setWriterBibliography(entries: readonly WriterEntry[]): void;
  completion(doc: TextDocumentLike, position: Position, token?: Cancellation): Promise<CompletionList | null>;
  hover(doc: TextDocumentLike, position: Position, token?: Cancellation): Promise<Hover | null>;
  diagnostics(doc: TextDocumentLike, token?: Cancellation): Promise<Diagnostic[]>;
  findings(doc: TextDocumentLike, token?: Cancellation): Promise<Finding[]>;
  codeActions(
    doc: TextDocumentLike,
    range: Range,
    diagnostics: Diagnostic[],
    only: string[] | undefined,
    token?: Cancellation,
  ): Promise<CodeAction[]>;
  definition(doc: TextDocumentLike, position: Position, token?: Cancellation): Promise<Location[]>;
  references(doc: TextDocumentLike, position: Position, token?: Cancellation): Promise<Location[]>;
  documentSymbols(doc: TextDocumentLike, token?: Cancellation): Promise<DocumentSymbol[]>;
  workspaceSymbols(query: string, token?: Cancellation): Promise<SymbolInformation[]>;
  citeAll(doc: TextDocumentLike, token?: Cancellation): Promise<TextEdit[]>;
  /** Pandoc style: the CSL-JSON text listing exactly the sources these drafts cite (written by the server). */
  bibliographyText(docs: readonly TextDocumentLike[], token?: Cancellation): Promise<string>;
  searchQuotes(query: string, limit?: number, token?: Cancellation): Promise<QuoteSearchResult[]>;
  /** Edits inserting a quotation from `searchQuotes` (by id) with its citation at a position. */
  quoteInsertEdits(doc: TextDocumentLike, position: Position, id: number, token?: Cancellation): Promise<TextEdit[]>;
  listActors(query: string, token?: Cancellation): Promise<ActorListItem[]>;
  actorCard(id: string, token?: Cancellation): Promise<string | null>;
  /** Every source with its title, outlet, date and counts (the Sources view). */
  listSources(token?: Cancellation): Promise<SourceListItem[]>;
  /** One source's quotations and actors with their passages; null for an unknown URI. */
  sourceDetails(uri: string, token?: Cancellation): Promise<SourceDetails | null>;
  /** Resolves once any pending save of the persisted index is written. */
  flushIndexCache(): Promise<void>;
  dispose(): void;
}

/** Most diagnostics sent for one draft (the first ones in the text). */
const MAX_DIAGNOSTICS = 1000;

/** Creates the service over a corpus. */
export function createService(options: ServiceOptions): SourcedService {
  const logger = options.logger ?? silentLogger;
  let config = resolveConfig(options.config);
  let archive: ArchiveWorkingSet | null = null;
  let warnedArchiveStore = false;
  /** The store a build uses: with a team archive, the heap index, which archived sources are loaded into beside the local ones. */
  const storeKind = (): IndexStoreKind => {
    if (!archive || config.index.store === 'memory') return config.index.store;
    if (!warnedArchiveStore)
      logger.info('index: a team archive is open, so local sources are indexed on the heap (archived sources join them there)');
    warnedArchiveStore = true;
    return 'memory';
  };
  const persistence = options.indexCache && { store: options.indexCache, enabled: () => config.index.persist, kind: storeKind };
  const indexer = new Indexer(options.corpus, logger, persistence);
  const drafts = new Map<string, DraftDocument>();
  archive = options.archive ? new ArchiveWorkingSet(options.archive, indexer, logger) : null;
  let answers = archive ? new ArchiveAnswers(archive) : null;
  const archiveListeners = new Set<(s: ArchiveStatusReport) => void>();
  const listenToArchive = (ws: ArchiveWorkingSet): void => {
    ws.onDidChangeStatus((st) => archiveListeners.forEach((l) => l(st)));
  };
  if (archive) listenToArchive(archive);

  const cachedDraft = (doc: TextDocumentLike): DraftDocument | undefined => {
    const cached = drafts.get(doc.uri);
    return cached && cached.version === doc.version && cached.text.length === doc.getText().length ? cached : undefined;
  };
  const remember = (parsed: DraftDocument): DraftDocument => {
    drafts.set(parsed.uri, parsed);
    const oldest = drafts.keys().next();
    if (drafts.size > 64 && !oldest.done) drafts.delete(oldest.value);
    return parsed;
  };
  /** The parse of a document version: made once, shared by every feature. */
  const draftOf = (doc: TextDocumentLike): DraftDocument => cachedDraft(doc) ?? remember(parseDraft(doc.uri, doc.version, doc.getText()));
  /** The same, parsed in steps that let other requests in; undefined when cancelled meanwhile. */
  const draftSoon = async (doc: TextDocumentLike, token: Cancellation): Promise<DraftDocument | undefined> => {
    const cached = cachedDraft(doc);
    if (cached) return cached;
    const parsed = await parseDraftAsync(doc.uri, doc.version, doc.getText(), token);
    return parsed && remember(parsed);
  };

  const ctx: ServiceContext = {
    knowledge: () => indexer.knowledge,
    config: () => config,
    logger,
    indexer,
    openDrafts: () => (options.openDocuments?.() ?? []).filter((d) => !options.corpus.entryFor(d.uri)).map(draftOf),
    draft: draftOf,
  };

  /** Runs a request after the first build, turning any failure into one log line and the empty result. */
  async function guarded<T>(name: string, uri: string, empty: T, token: Cancellation, run: () => T | Promise<T>): Promise<T> {
    try {
      await indexer.whenReady();
      if (token.isCancellationRequested) return empty;
      return await run();
    } catch (err) {
      logger.error(`${name} failed for ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return empty;
    }
  }

  const at = (doc: TextDocumentLike, position: Position): { draft: DraftDocument; offset: number } => {
    const draft = draftOf(doc);
    return { draft, offset: offsetAt(draft.lineStarts, draft.text.length, position) };
  };

  async function findings(doc: TextDocumentLike, token: Cancellation = NEVER_CANCELLED): Promise<Finding[]> {
    return guarded('diagnostics', doc.uri, [] as Finding[], token, async () => {
      if (options.corpus.entryFor(doc.uri)) return [];
      const draft = await draftSoon(doc, token);
      if (!draft) return [];
      if (archive) await prefetchDraft(archive, ctx, draft, token);
      const k = indexer.knowledge;
      const out: Finding[] = [...findUnknownCitations(draft, k), ...(await findMisquotes(ctx, draft, token))];
      out.push(...(await findClaimFindings(ctx, draft, token)));
      return out.sort((a, b) => a.start - b.start || a.end - b.end);
    });
  }

  return {
    start: (progress) => indexer.rebuild(progress),
    whenReady: () => indexer.whenReady(),
    reindex: (progress, token) => indexer.rebuild(progress, token),
    updateConfig(raw) {
      config = resolveConfig(raw);
    },
    config: () => config,
    status: () => (archive ? { ...status(ctx), archive: archive.status() } : status(ctx)),
    onDidChangeArchive(listener) {
      archiveListeners.add(listener);
      return { dispose: () => archiveListeners.delete(listener) };
    },
    setArchive(connection) {
      archive?.dispose();
      archive = connection ? new ArchiveWorkingSet(connection, indexer, logger) : null;
      answers = archive ? new ArchiveAnswers(archive) : null;
      if (archive) listenToArchive(archive);
    },
    onDidChangeIndex: (listener) => indexer.onDidUpdate(listener),
    setSourceOverlay(uri, text) {
      if (text === null) indexer.clearOverlay(uri);
      else indexer.setOverlay(uri, text);
    },
    isSource: (uri) => options.corpus.entryFor(uri) !== undefined,
    setWriterBibliography: (entries) => indexer.setWriterBibliography(new WriterBibliography(entries)),

    completion: (doc, position, token = NEVER_CANCELLED) =>
      guarded('completion', doc.uri, null, token, async () => {
        const { draft, offset } = at(doc, position);
        const keys = provideCitationKeyCompletion(draft, offset, indexer.knowledge);
        if (keys) return keys;
        const list = provideQuoteCompletion(ctx, draft, offset, token);
        // The archive answers from its rows; nothing is loaded into the index while the writer waits.
        return answers ? answers.completion(ctx, draft, offset, list, token) : list;
      }),
    hover: (doc, position, token = NEVER_CANCELLED) =>
      guarded('hover', doc.uri, null, token, async () => {
        const { draft, offset } = at(doc, position);
        const shown = citationHover(draft, offset, indexer.knowledge) ?? quoteHover(ctx, draft, offset);
        if (shown) return shown;
        // A quotation from an archived source: loaded in the background, for the next hover (never awaited here).
        if (archive) void prefetchQuotation(archive, draft, offset);
        const actor = actorHover(ctx, draft, offset);
        return answers ? answers.hover(draft, offset, actor, token) : actor;
      }),
    findings,
    diagnostics: async (doc, token = NEVER_CANCELLED) => {
      const found = await findings(doc, token);
      const draft = cachedDraft(doc);
      // Cancelled (an edit made this version stale): no diagnostics, and no second parse to convert none.
      if (!draft || token.isCancellationRequested) return [];
      // An editor shows a few hundred problems usefully; tens of thousands (a pasted list of markers) only cost time.
      return toDiagnostics(found.length > MAX_DIAGNOSTICS ? found.slice(0, MAX_DIAGNOSTICS) : found, draft, config);
    },
    codeActions: (doc, _range, diagnostics, only, token = NEVER_CANCELLED) =>
      guarded('codeAction', doc.uri, [] as CodeAction[], token, async () => {
        if (archive) await prefetchDraft(archive, ctx, draftOf(doc), token);
        return provideCodeActions(ctx, draftOf(doc), diagnostics, only, token);
      }),
    definition: (doc, position, token = NEVER_CANCELLED) =>
      guarded('definition', doc.uri, [] as Location[], token, () => {
        const { draft, offset } = at(doc, position);
        const citation = citationAt(draft, offset);
        if (citation) {
          const k = indexer.knowledge;
          return sourceOfCitation(k, draft, citation).map((u) => k.sources.location(u, 0, 0));
        }
        const quote = quoteDefinition(ctx, draft, offset);
        return quote.length ? quote : actorDefinition(ctx, draft, offset);
      }),
    references: (doc, position, token = NEVER_CANCELLED) =>
      guarded('references', doc.uri, [] as Location[], token, () => {
        const { draft, offset } = at(doc, position);
        return actorReferences(ctx, draft, offset);
      }),
    documentSymbols: (doc, token = NEVER_CANCELLED) =>
      guarded('documentSymbol', doc.uri, [] as DocumentSymbol[], token, () => documentSymbols(draftOf(doc))),
    workspaceSymbols: (query, token = NEVER_CANCELLED) =>
      guarded('workspaceSymbol', '', [] as SymbolInformation[], token, () => [...actorSymbols(ctx, query), ...sourceSymbols(ctx, query)]),
    citeAll: (doc, token = NEVER_CANCELLED) =>
      guarded('citeAll', doc.uri, [] as TextEdit[], token, async () => {
        if (archive) await prefetchDraft(archive, ctx, draftOf(doc), token);
        return citeAllEdits(ctx, draftOf(doc), token);
      }),
    bibliographyText: (docs, token = NEVER_CANCELLED) =>
      guarded('bibliography', '', bibliographyText([]), token, () =>
        bibliographyText(draftBibliography(indexer.knowledge, docs.filter((d) => !options.corpus.entryFor(d.uri)).map(draftOf))),
      ),
    searchQuotes: (query, limit = 50, token = NEVER_CANCELLED) =>
      guarded('searchQuotes', '', [] as QuoteSearchResult[], token, async () => {
        if (archive) await archive.forQuote(query, config.quotes.minCompletionWords, token);
        return searchQuotes(ctx, query, limit, token);
      }),
    quoteInsertEdits: (doc, position, id, token = NEVER_CANCELLED) =>
      guarded('quoteInsertEdits', doc.uri, [] as TextEdit[], token, () => {
        const { draft, offset } = at(doc, position);
        return insertQuoteEdits(ctx, draft, offset, id);
      }),
    listActors: (query, token = NEVER_CANCELLED) => guarded('listActors', '', [] as ActorListItem[], token, () => listActors(ctx, query)),
    actorCard: (id, token = NEVER_CANCELLED) => guarded('actorCard', id, null, token, () => actorCard(ctx, id)),
    listSources: (token = NEVER_CANCELLED) => guarded('listSources', '', [] as SourceListItem[], token, () => listSources(ctx)),
    sourceDetails: (uri, token = NEVER_CANCELLED) => guarded('sourceDetails', uri, null, token, () => sourceDetails(ctx, uri)),
    flushIndexCache: () => indexer.flush(),
    dispose: () => {
      archive?.dispose();
      indexer.dispose();
    },
  };
}
