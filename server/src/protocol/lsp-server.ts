/**
 * The LSP adapter: the only module that knows the protocol. Each handler turns a request into a service call;
 * everything that touches the machine (files, watchers, caches, the bibliography file) comes from the host that
 * node/main.ts passes in, so this module runs over any connection.
 */
import {
  CancellationTokenSource, CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  ErrorCodes, FileChangeType, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type CancellationToken,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, resolveConfig, type SourcedService } from '../service';
import { configProblems } from '../domain/config';
import { FIX_ALL_KIND } from '../features/code-actions';
import { invalidParams } from './params';
import { outgoing } from './outgoing';
import type { IndexCacheStore } from '../store/index-cache';
import type { SourcedConfig } from '../domain/config';
import type { WorkspaceCorpus, WorkspaceFolder } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import {
  ActorCardRequest, DebugMemoryRequest, ListActorsRequest, QuoteInsertEditsRequest, ReindexRequest, SearchQuotesRequest,
  ServerCommands, StatusChangedNotification, StatusRequest, type MemoryReport,
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
    service: SourcedService, folders: readonly WorkspaceFolder[], changed: TextDocument, open: readonly TextDocument[], logger: Logger,
  ): Promise<unknown>;
  /** Heap and RSS after a full collection (a debug request). */
  memoryAfterGc(): MemoryReport;
}

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
  let rawSettings: unknown = undefined;
  let canPullConfiguration = false;
  let canRegisterWatchers = false;
  let canReportProgress = false;
  /** False when the client says the workspace is untrusted: then nothing is written in it. */
  let trusted = true;
  let reportedProblems = '';
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
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canReportProgress = params.capabilities.window?.workDoneProgress === true;
    const config = resolveConfig(rawSettings);
    corpus = host.createCorpus(folders, config.corpus);
    const init = params.initializationOptions as { storagePath?: unknown; trusted?: unknown } | null | undefined;
    trusted = init?.trusted !== false;
    const storagePath = typeof init?.storagePath === 'string' ? init.storagePath : undefined;
    // Untrusted: the index may live in the editor's own storage, never in the workspace folder.
    const indexCache = trusted || storagePath !== undefined ? host.createIndexCache(storagePath, folders) : undefined;
    if (!trusted) logger.info('untrusted workspace: Sourced writes no file in it (no bibliography, no index cache there)');
    service = createService({ corpus, config: rawSettings, logger, openDocuments: () => documents.all(), indexCache });
    service.onDidChangeIndex(() => {
      void connection.sendNotification(StatusChangedNotification, service.status());
      // Debounced like an edit: source churn while the writer types must not re-check the whole draft each time.
      for (const doc of documents.all()) scheduleDiagnostics(doc);
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', '\u201c'], resolveProvider: false },
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
    const problems = configProblems(rawSettings);
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

  connection.onInitialized(async () => {
    await pullSettings();
    const config = resolveConfig(rawSettings);
    service.updateConfig(rawSettings);
    corpus.update(folders, config.corpus);
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourced' });
    if (canRegisterWatchers) {
      const watchers = folders.flatMap((f) =>
        config.corpus.include.map((pattern) => ({ globPattern: { baseUri: host.uriOfPath(f.path), pattern } })),
      );
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } else {
      corpus.watchFileSystem();
    }
    await index('Sourced: indexing sources');
  });

  connection.onDidChangeConfiguration(async (change) => {
    const before = JSON.stringify(service.config().corpus);
    if (canPullConfiguration) await pullSettings();
    else {
      rawSettings = settingsFrom(change.settings) ?? rawSettings;
      reportSettingProblems();
    }
    service.updateConfig(rawSettings);
    const config = service.config();
    if (JSON.stringify(config.corpus) !== before) {
      corpus.update(folders, config.corpus);
      await index('Sourced: re-indexing sources');
    } else {
      for (const doc of documents.all()) scheduleDiagnostics(doc, 0);
    }
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const c of changes) {
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
    const timer = setTimeout(async () => {
      const diagnostics = await service.diagnostics(doc, source.token);
      if (source.token.isCancellationRequested || documents.get(doc.uri)?.version !== doc.version) return;
      pending.delete(doc.uri);
      void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: outgoing(diagnostics) });
      if (trusted) void host.updateBibliography(service, folders, doc, documents.all(), logger);
    }, delay);
    pending.set(doc.uri, { timer, source });
  }

  documents.onDidChangeContent(({ document }) => {
    if (service.isSource(document.uri)) service.setSourceOverlay(document.uri, document.getText());
    else scheduleDiagnostics(document);
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
    return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled') : outgoing(value, doc?.getText());
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

  connection.onExecuteCommand(async (p, token) => {
    if (typeof p?.command !== 'string') return new ResponseError(ErrorCodes.InvalidParams, 'invalid params: command (a string) is required');
    if (p.command === REINDEX_COMMAND) return index('Sourced: re-indexing sources');
    if (p.command !== CITE_ALL_COMMAND) return;
    const doc = docOf(String(p.arguments?.[0] ?? ''));
    if (!doc) return;
    const edits = outgoing(await service.citeAll(doc, token), doc.getText());
    if (edits.length) await connection.workspace.applyEdit({ label: 'Cite all supported claims', edit: { changes: { [doc.uri]: edits } } });
    return { cited: edits.length };
  });

  connection.onRequest(StatusRequest, () => service.status());
  connection.onRequest(ReindexRequest, () => index('Sourced: re-indexing sources').then(() => service.status()));
  connection.onRequest(SearchQuotesRequest, (p, token) => answer(token, service.searchQuotes(String(p?.query ?? ''), p?.limit, token)));
  connection.onRequest(QuoteInsertEditsRequest, (p, token) => {
    const doc = docOf(String(p?.uri ?? ''));
    return answer(token, doc && p?.position ? service.quoteInsertEdits(doc, p.position, Number(p.id), token) : [], doc);
  });
  connection.onRequest(ListActorsRequest, (p, token) => answer(token, service.listActors(String(p?.query ?? ''), token)));
  connection.onRequest(DebugMemoryRequest, () => host.memoryAfterGc());
  connection.onRequest(ActorCardRequest, (p, token) => answer(token, service.actorCard(String(p?.id ?? ''), token)));

  documents.listen(connection);
  connection.listen();
}
