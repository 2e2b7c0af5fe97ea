/**
 * The LSP adapter: the only module that knows the protocol. Each handler turns a request into a service call;
 * everything that touches the machine (files, watchers, caches, the bibliography file) comes from the host that
 * node/main.ts passes in, so this module runs over any connection.
 */
import type { WriterEntry } from '../domain/writer-entry';
import {
  CancellationTokenSource,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, resolveConfig, type SourcedService } from '../service';
import { FIX_ALL_KIND } from '../features/code-actions';
import { invalidParams } from './params';
import { outgoing } from './outgoing';
import type { IndexCacheStore } from '../store/index-cache';
import type { ArchiveConnection } from '../service';
import { configProblems, mergeSettings, type SourcedConfig } from '../domain/config';
import type { WorkspaceCorpus, WorkspaceFolder } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import {
  ActorCardRequest,
  DebugMemoryRequest,
  ListActorsRequest,
  ListSourcesRequest,
  SourceDetailsRequest,
  QuoteInsertEditsRequest,
  ReindexRequest,
  SearchQuotesRequest,
  ServerCommands,
  StatusChangedNotification,
  StatusRequest,
  type MemoryReport,
} from './requests';

/** What the adapter needs from the machine it runs on. */
export interface ServerHost {
  /** The file-system path of a `file:` URI, or undefined for other schemes. */
  pathOfUri(uri: string): string | undefined;
  /** The `file:` URI of a path. */
  uriOfPath(path: string): string;
  createCorpus(folders: WorkspaceFolder[], settings: SourcedConfig['corpus']): WorkspaceCorpus;
  /** Where to persist the index, if anywhere. */
  createIndexCache(storagePath: string | undefined, folders: WorkspaceFolder[]): IndexCacheStore | undefined;
  /** Pandoc style: rewrites the bibliography the open drafts of `changed`'s folder cite. */
  updateBibliography(
    service: SourcedService,
    folders: readonly WorkspaceFolder[],
    changed: TextDocument,
    open: readonly TextDocument[],
    logger: Logger,
  ): Promise<unknown>;
  /** The writer's own bibliography entries (`sourced.citations.bibliography` BibTeX/CSL-JSON files), read only. */
  loadWriterBibliographies(folders: readonly WorkspaceFolder[], config: SourcedConfig, logger: Logger): Promise<WriterEntry[]>;
  /** Heap and RSS after a full collection (a debug request). */
  memoryAfterGc(): MemoryReport;
  /**
   * For a client without workspace folders: the nearest folder above `uri`'s file (or above the server's working
   * folder when undefined) that holds the project file or a folder the include globs start in.
   */
  findProjectRoot(uri: string | undefined, include: readonly string[]): Promise<{ root: string; reason: string; found: boolean }>;
  /** The project file (`.sourced.json`) of a folder: its settings, or why they could not be read; null if none. */
  readProjectFile(folder: string): Promise<{ path: string; settings: Record<string, unknown>; error?: string } | null>;
  /**
   * Opens the team archive at `sourced.archive.url` (or the host's SOURCED_ARCHIVE_URL when the setting is empty);
   * undefined when there is none. The URL may hold a password: it is never logged.
   */
  openArchive?(url: string | undefined, logger: Logger): ArchiveConnection | undefined;
}

/** The `sourced.archive.url` setting, if set. */
function archiveUrlOf(raw: unknown): string | undefined {
  const archive = (raw as { archive?: { url?: unknown } } | null | undefined)?.archive;
  const url = archive && typeof archive === 'object' ? archive.url : undefined;
  return typeof url === 'string' && url.trim() ? url.trim() : undefined;
}

/** The project file's name; a change to it reloads the settings. */
const PROJECT_FILE = '.sourced.json';

/** Serves Sourced over an LSP connection until it closes. */
export function startLspServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const DIAGNOSTIC_DELAY_MS = 150;
  const CITE_ALL_COMMAND = ServerCommands.citeAll;
  const REINDEX_COMMAND = ServerCommands.reindex;

  const logger: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };

  let folders: WorkspaceFolder[] = [];
  /** The editor's `sourced` settings: they override the project file. */
  let rawSettings: unknown = undefined;
  let projectSettings: Record<string, unknown> = {};
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canRegisterWatchers = false;
  let canReportProgress = false;
  /** False when the client says the workspace is not trusted (VS Code's Restricted Mode): Sourced then writes no file. */
  let trusted = true;
  let reportedProblems = '';
  /** Set while a client without workspace folders has not opened a document to find the project root from. */
  let awaitingRoot = false;
  let rootDecided: Promise<void> = Promise.resolve();
  let watcherRegistration: Promise<{ dispose(): void }> | undefined;
  const effectiveSettings = (): Record<string, unknown> => mergeSettings(projectSettings, rawSettings);
  /** The archive URL in use (compared, never logged). */
  let archiveUrl: string | undefined | null = null;

  /** Opens (or closes, or switches) the team archive when its setting changed. */
  function applyArchive(): void {
    const url = archiveUrlOf(effectiveSettings());
    if (url === archiveUrl || !host.openArchive) return;
    archiveUrl = url;
    try {
      const archive = host.openArchive(url, logger) ?? null;
      service.setArchive(archive);
      if (archive) logger.info(`reading the team archive at ${archive.label}`);
    } catch (err) {
      logger.error(`cannot open the team archive: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  let corpus: WorkspaceCorpus;
  let service: SourcedService;
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; source: CancellationTokenSource }>();

  function foldersOf(params: InitializeParams): WorkspaceFolder[] {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return uris.flatMap((u) => {
      const path = host.pathOfUri(u);
      return path ? [{ path }] : [];
    });
  }

  function settingsFrom(value: unknown): unknown {
    const v = value as { sourced?: unknown } | null | undefined;
    return v && typeof v === 'object' && 'sourced' in v ? v.sourced : value;
  }

  connection.onInitialize((params): InitializeResult => {
    folders = foldersOf(params);
    rawSettings = settingsFrom(params.initializationOptions);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    // Registering with a client that did not say it supports dynamic registration is an error in some clients.
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    const options = params.initializationOptions as { storagePath?: unknown; trusted?: unknown } | null | undefined;
    trusted = options?.trusted !== false;
    const config = resolveConfig(rawSettings);
    corpus = host.createCorpus(folders, config.corpus);
    const storagePath = typeof options?.storagePath === 'string' ? options.storagePath : undefined;
    // Untrusted: the index may still be kept in the editor's own storage folder, never in the workspace.
    const indexCache = trusted || storagePath !== undefined ? host.createIndexCache(storagePath, folders) : undefined;
    if (!trusted) logger.info('untrusted workspace: Sourced writes no file in it (no bibliography, no index cache there)');
    service = createService({ corpus, config: rawSettings, logger, openDocuments: () => documents.all(), indexCache });
    applyArchive();
    service.onDidChangeArchive((st) => {
      void connection.sendNotification(StatusChangedNotification, service.status());
      if (st.state === 'offline' && st.message) void connection.window.showWarningMessage(`Sourced: ${st.message}`);
      else if (st.state === 'online')
        void connection.window.showInformationMessage(`Sourced: reconnected to the team archive at ${st.url}`);
    });
    service.onDidChangeIndex(() => {
      void connection.sendNotification(StatusChangedNotification, service.status());
      // Debounced like an edit: source churn while the writer types must not re-check the whole draft each time.
      for (const doc of documents.all()) scheduleDiagnostics(doc);
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', '\u201c', '@'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [CITE_ALL_COMMAND, REINDEX_COMMAND] },
      },
      serverInfo: { name: 'sourced', version: '0.1.0' },
    };
  });

  /** Says once per change what is wrong in the settings, with the valid values. */
  function reportSettingProblems(): void {
    const problems = configProblems(effectiveSettings());
    const key = problems.join('\n');
    if (key === reportedProblems) return;
    reportedProblems = key;
    for (const p of problems) logger.warn(`setting refused: ${p}`);
    if (problems.length) void connection.window.showWarningMessage(`Sourced: ${problems.join('; ')}`);
  }

  async function pullSettings(): Promise<void> {
    reportSettingProblems();
    if (!canPullConfiguration) return;
    try {
      rawSettings = (await connection.workspace.getConfiguration({ section: 'sourced' })) ?? rawSettings;
      reportSettingProblems();
    } catch (err) {
      logger.warn(`could not read settings: ${String(err)}; using defaults`);
    }
  }

  async function index(title: string): Promise<void> {
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(title, 0, 'listing files', false);
    await service.reindex((done, total) => progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`));
    progress?.done();
    const s = service.status();
    logger.info(`ready: ${s.sources} sources, ${s.quotes} quotes, ${s.actors} actors, ${s.skipped} skipped`);
    if (s.sources + s.skipped === 0) {
      const where = folders.map((f) => f.path).join(', ') || 'no workspace folder';
      logger.warn(`no file matches sourced.corpus.include ${JSON.stringify(service.config().corpus.include)} in ${where}`);
    }
  }

  /** Reads the project file of the first folder that has one; editor settings still override it. */
  async function loadProjectFile(): Promise<void> {
    projectSettings = {};
    for (const folder of folders) {
      const file = await host.readProjectFile(folder.path);
      if (!file) continue;
      if (file.error) logger.warn(`${file.path}: ignored, ${file.error}`);
      else logger.info(`project file: ${file.path}`);
      projectSettings = file.settings;
      return;
    }
  }

  /**
   * Without workspace folders: picks the project root from the working folder (uri undefined) or a document.
   * When nothing marks a project there, no folder is adopted (watching a home folder recursively would be costly);
   * the next opened document tries again.
   */
  async function chooseRoot(uri: string | undefined): Promise<boolean> {
    const found = await host.findProjectRoot(uri, resolveConfig(effectiveSettings()).corpus.include);
    const from = uri ? `the folder of ${uri}` : 'the working folder';
    if (!found.found) {
      logger.info(
        `no workspace folder, and ${found.reason} (searched upwards from ${from}); no sources are read until a document in a project opens`,
      );
      return false;
    }
    folders = [{ path: found.root }];
    logger.info(`no workspace folder: project root ${found.root} (searched upwards from ${from}; ${found.reason})`);
    return true;
  }

  /** Re-reads the writer's bibliographies; a reload never fails a request (the reasons are logged). */
  async function loadWriterBibliographies(): Promise<void> {
    const entries = await host.loadWriterBibliographies(folders, service.config(), logger).catch((err: unknown) => {
      logger.error(`reading the writer's bibliographies failed: ${String(err)}`);
      return [];
    });
    service.setWriterBibliography(entries);
  }

  /** Whether a URI is one of the writer's bibliography files. */
  function isWriterBibliography(uri: string): boolean {
    const file = host.pathOfUri(uri);
    return (
      file !== undefined &&
      folders.some((f) =>
        service.config().citations.writerBibliographies.some((b) => host.uriOfPath(`${f.path}/${b}`) === host.uriOfPath(file)),
      )
    );
  }

  /** Watches the sources and the project file: through the client when it can register watchers, else on disk. */
  function watchSources(config: SourcedConfig): void {
    if (!folders.length) return;
    if (!canRegisterWatchers) {
      corpus.watchFileSystem();
      return;
    }
    const previous = watcherRegistration;
    const watchers = folders.flatMap((f) =>
      [...config.corpus.include, ...config.citations.writerBibliographies, PROJECT_FILE].map((pattern) => ({
        globPattern: { baseUri: host.uriOfPath(f.path), pattern },
      })),
    );
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then(
      (r) => r.dispose(),
      () => undefined,
    );
  }

  /** Applies the merged settings; re-indexes when the corpus settings changed, else re-checks open drafts. */
  async function applySettings(): Promise<void> {
    const before = JSON.stringify(service.config().corpus);
    service.updateConfig(effectiveSettings());
    applyArchive();
    const config = service.config();
    await loadWriterBibliographies();
    if (JSON.stringify(config.corpus) !== before) {
      corpus.update(folders, config.corpus);
      watchSources(config);
      await index('Sourced: re-indexing sources');
    } else {
      for (const doc of documents.all()) scheduleDiagnostics(doc, 0);
    }
  }

  connection.onInitialized(async () => {
    let decided = (): void => undefined;
    rootDecided = new Promise((resolve) => (decided = resolve));
    await pullSettings();
    if (!folders.length) awaitingRoot = !(await chooseRoot(undefined));
    decided();
    await loadProjectFile();
    if (!trusted)
      logger.info('untrusted workspace: Sourced reads and checks, but writes no file (no bibliography, no index in the workspace)');
    service.updateConfig(effectiveSettings());
    applyArchive();
    const config = service.config();
    corpus.update(folders, config.corpus);
    if (canPullConfiguration && canRegisterConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourced' });
    await loadWriterBibliographies();
    watchSources(config);
    await index('Sourced: indexing sources');
  });

  /** A client without workspace folders opened its first document: the project root is found from it. */
  async function rootFromDocument(uri: string): Promise<void> {
    await rootDecided;
    if (!awaitingRoot || !host.pathOfUri(uri)) return;
    awaitingRoot = false;
    if (!(await chooseRoot(uri))) {
      awaitingRoot = true;
      return;
    }
    await loadProjectFile();
    service.updateConfig(effectiveSettings());
    applyArchive();
    const config = service.config();
    corpus.update(folders, config.corpus);
    await loadWriterBibliographies();
    watchSources(config);
    await index('Sourced: indexing sources');
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else {
      rawSettings = settingsFrom(change.settings) ?? rawSettings;
      reportSettingProblems();
    }
    await applySettings();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    if (changes.some((c) => c.uri.endsWith(`/${PROJECT_FILE}`))) {
      await loadProjectFile();
      await applySettings();
    }
    if (changes.some((c) => isWriterBibliography(c.uri))) void loadWriterBibliographies();
    for (const c of changes) {
      if (c.uri.endsWith(`/${PROJECT_FILE}`)) continue;
      const kind = c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      corpus.notify({ kind, uri: c.uri });
    }
  });

  function scheduleDiagnostics(doc: TextDocument, delay = DIAGNOSTIC_DELAY_MS): void {
    const previous = pending.get(doc.uri);
    if (previous) {
      clearTimeout(previous.timer);
      previous.source.cancel();
    }
    if (service.isSource(doc.uri) || doc.languageId !== 'markdown') return;
    const source = new CancellationTokenSource();
    const publish = async (): Promise<void> => {
      const diagnostics = await service.diagnostics(doc, source.token);
      if (source.token.isCancellationRequested || documents.get(doc.uri)?.version !== doc.version) return;
      pending.delete(doc.uri);
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: outgoing(diagnostics) });
      if (trusted) await host.updateBibliography(service, folders, doc, documents.all(), logger);
    };
    // The service never throws; a failed send (closed connection) is logged, never left unhandled.
    const timer = setTimeout(
      () => void publish().catch((err: unknown) => logger.error(`diagnostics for ${doc.uri}: ${String(err)}`)),
      delay,
    );
    pending.set(doc.uri, { timer, source });
  }

  documents.onDidChangeContent(({ document }) => {
    if (service.isSource(document.uri)) service.setSourceOverlay(document.uri, document.getText());
    else scheduleDiagnostics(document);
  });
  documents.onDidOpen(({ document }) => {
    if (awaitingRoot) void rootFromDocument(document.uri);
  });
  documents.onDidClose(({ document }) => {
    pending.get(document.uri)?.source.cancel();
    pending.delete(document.uri);
    if (service.isSource(document.uri)) service.setSourceOverlay(document.uri, null);
    else void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const docOf = (uri: string): TextDocument | undefined => documents.get(uri);

  /** LSP asks for RequestCancelled when the client cancelled a request; vscode-jsonrpc leaves that answer to the handler. */
  async function answer<T>(token: CancellationToken, result: T | Promise<T>, doc?: TextDocument): Promise<T | ResponseError<void>> {
    const value = await result;
    return token.isCancellationRequested
      ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled')
      : outgoing(value, doc?.getText());
  }

  connection.onCompletion(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.completion(doc, p.position, token) : null, doc);
  });
  connection.onHover(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.hover(doc, p.position, token) : null, doc);
  });
  connection.onDefinition(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.definition(doc, p.position, token) : []);
  });
  connection.onReferences(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.references(doc, p.position, token) : []);
  });
  connection.onDocumentSymbol(async (p, token) => {
    const bad = invalidParams(p);
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.documentSymbols(doc, token) : []);
  });
  connection.onWorkspaceSymbol((p, token) => {
    const query = (p as { query?: unknown } | null)?.query;
    return answer(token, service.workspaceSymbols(typeof query === 'string' ? query : '', token));
  });
  connection.onCodeAction(async (p, token) => {
    const bad = invalidParams(p, { range: true, context: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service.codeActions(doc, p.range, p.context.diagnostics, p.context.only, token) : [], doc);
  });

  /** A full re-index also re-reads the project file (clients that cannot watch it have this way to apply edits). */
  async function reindexAll(): Promise<void> {
    await loadProjectFile();
    service.updateConfig(effectiveSettings());
    applyArchive();
    corpus.update(folders, service.config().corpus);
    await index('Sourced: re-indexing sources');
  }

  connection.onExecuteCommand(async (p, token) => {
    if (typeof p?.command !== 'string')
      return new ResponseError(ErrorCodes.InvalidParams, 'invalid params: command (a string) is required');
    if (p.command === REINDEX_COMMAND) return reindexAll();
    if (p.command !== CITE_ALL_COMMAND) return;
    const doc = docOf(String(p.arguments?.[0] ?? ''));
    if (!doc) return;
    const edits = outgoing(await service.citeAll(doc, token), doc.getText());
    if (edits.length) await connection.workspace.applyEdit({ label: 'Cite all supported claims', edit: { changes: { [doc.uri]: edits } } });
    return { cited: edits.length };
  });

  connection.onRequest(StatusRequest, () => service.status());
  connection.onRequest(ReindexRequest, () => reindexAll().then(() => service.status()));
  connection.onRequest(SearchQuotesRequest, (p, token) => answer(token, service.searchQuotes(String(p?.query ?? ''), p?.limit, token)));
  connection.onRequest(QuoteInsertEditsRequest, (p, token) => {
    const doc = docOf(String(p?.uri ?? ''));
    return answer(token, doc && p?.position ? service.quoteInsertEdits(doc, p.position, Number(p.id), token) : [], doc);
  });
  connection.onRequest(ListActorsRequest, (p, token) => answer(token, service.listActors(String(p?.query ?? ''), token)));
  connection.onRequest(DebugMemoryRequest, () => host.memoryAfterGc());
  connection.onRequest(ActorCardRequest, (p, token) => answer(token, service.actorCard(String(p?.id ?? ''), token)));
  connection.onRequest(ListSourcesRequest, (_p, token) => answer(token, service.listSources(token)));
  connection.onRequest(SourceDetailsRequest, (p, token) => answer(token, service.sourceDetails(String(p?.uri ?? ''), token)));

  documents.listen(connection);
  connection.listen();
}
