/**
 * The workspace as the client describes it: folders (or a project root found without them), settings from the
 * editor and the project file, what the client can do, and the service built from them. Every lifecycle
 * notification of the protocol (initialize, settings, watched files, the first document) lands here.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type FileEvent,
  type InitializeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, resolveConfig, type SourcedService } from '../service';
import { configProblems, mergeSettings, type SourcedConfig } from '../domain/config';
import type { WorkspaceCorpus, WorkspaceFolder } from '../domain/corpus';
import type { Logger } from '../domain/logger';
import type { ServerHost } from './server-host';
import type { DiagnosticsScheduler } from './diagnostics-scheduler';
import { StatusChangedNotification } from './requests';

/** The project file's name; a change to it reloads the settings. */
export const PROJECT_FILE = '.sourced.json';

/** What the client said it can do at initialize. */
interface ClientAbilities {
  pullConfiguration: boolean;
  registerConfiguration: boolean;
  registerWatchers: boolean;
  reportProgress: boolean;
}

/** The `sourced.archive.url` setting, if set. */
function archiveUrlOf(raw: unknown): string | undefined {
  const archive = (raw as { archive?: { url?: unknown } } | null | undefined)?.archive;
  const url = archive && typeof archive === 'object' ? archive.url : undefined;
  return typeof url === 'string' && url.trim() ? url.trim() : undefined;
}

/** The `sourced` section of a settings object, or the object itself. */
function settingsFrom(value: unknown): unknown {
  const v = value as { sourced?: unknown } | null | undefined;
  return v && typeof v === 'object' && 'sourced' in v ? v.sourced : value;
}

function abilitiesOf(params: InitializeParams): ClientAbilities {
  const { workspace, window } = params.capabilities;
  return {
    pullConfiguration: workspace?.configuration === true,
    // Registering with a client that did not say it supports dynamic registration is an error in some clients.
    registerConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    registerWatchers: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    reportProgress: window?.workDoneProgress === true,
  };
}

/** One client's workspace and the service that answers it. */
export class WorkspaceSession {
  folders: WorkspaceFolder[] = [];
  /** False when the client says the workspace is not trusted (VS Code's Restricted Mode): Sourced then writes no file. */
  trusted = true;
  private can: ClientAbilities = { pullConfiguration: false, registerConfiguration: false, registerWatchers: false, reportProgress: false };
  /** The editor's `sourced` settings: they override the project file. */
  private rawSettings: unknown = undefined;
  private projectSettings: Record<string, unknown> = {};
  private reportedProblems = '';
  /** Set while a client without workspace folders has not opened a document to find the project root from. */
  private awaitingRoot = false;
  private rootDecided: Promise<void> = Promise.resolve();
  private watcherRegistration: Promise<{ dispose(): void }> | undefined;
  /** The archive URL in use (compared, never logged). */
  private archiveUrl: string | undefined | null = null;
  private corpus: WorkspaceCorpus | undefined;
  private current: SourcedService | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
    private readonly logger: Logger,
    private readonly openDocuments: () => TextDocument[],
    private readonly diagnostics: () => DiagnosticsScheduler,
  ) {}

  /** The service; only asked for after initialize. */
  get service(): SourcedService {
    if (!this.current) throw new Error('the service is used before initialize');
    return this.current;
  }

  private get sources(): WorkspaceCorpus {
    if (!this.corpus) throw new Error('the corpus is used before initialize');
    return this.corpus;
  }

  private effectiveSettings(): Record<string, unknown> {
    return mergeSettings(this.projectSettings, this.rawSettings);
  }

  /** `initialize`: reads the folders, settings and abilities, and builds the service. */
  initialize(params: InitializeParams): void {
    this.folders = this.foldersOf(params);
    this.rawSettings = settingsFrom(params.initializationOptions);
    this.can = abilitiesOf(params);
    const options = params.initializationOptions as { storagePath?: unknown; trusted?: unknown } | null | undefined;
    this.trusted = options?.trusted !== false;
    const config = resolveConfig(this.rawSettings);
    this.corpus = this.host.createCorpus(this.folders, config.corpus);
    const storagePath = typeof options?.storagePath === 'string' ? options.storagePath : undefined;
    // Untrusted: the index may still be kept in the editor's own storage folder, never in the workspace.
    const indexCache = this.trusted || storagePath !== undefined ? this.host.createIndexCache(storagePath, this.folders) : undefined;
    if (!this.trusted) this.logger.info('untrusted workspace: Sourced writes no file in it (no bibliography, no index cache there)');
    this.current = createService({
      corpus: this.corpus,
      config: this.rawSettings,
      logger: this.logger,
      openDocuments: () => this.openDocuments(),
      indexCache,
    });
    this.applyArchive();
    this.forwardServiceEvents(this.current);
  }

  private forwardServiceEvents(service: SourcedService): void {
    service.onDidChangeArchive((st) => {
      void this.connection.sendNotification(StatusChangedNotification, service.status());
      if (st.state === 'offline' && st.message) void this.connection.window.showWarningMessage(`Sourced: ${st.message}`);
      else if (st.state === 'online')
        void this.connection.window.showInformationMessage(`Sourced: reconnected to the team archive at ${st.url}`);
    });
    service.onDidChangeIndex(() => {
      void this.connection.sendNotification(StatusChangedNotification, service.status());
      // Debounced like an edit: source churn while the writer types must not re-check the whole draft each time.
      this.diagnostics().scheduleAll();
    });
  }

  private foldersOf(params: InitializeParams): WorkspaceFolder[] {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    return uris.flatMap((u) => {
      const path = this.host.pathOfUri(u);
      return path ? [{ path }] : [];
    });
  }

  /** `initialized`: settings, the project root (without folders), watchers, then the first index build. */
  async initialized(): Promise<void> {
    let decided = (): void => undefined;
    this.rootDecided = new Promise((resolve) => (decided = resolve));
    await this.pullSettings();
    if (!this.folders.length) this.awaitingRoot = !(await this.chooseRoot(undefined));
    decided();
    if (!this.trusted)
      this.logger.info('untrusted workspace: Sourced reads and checks, but writes no file (no bibliography, no index in the workspace)');
    if (this.can.pullConfiguration && this.can.registerConfiguration)
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'sourced' });
    await this.startProject('Sourced: indexing sources');
  }

  /** Reads the project file and applies everything to the corpus, then indexes it. */
  private async startProject(title: string): Promise<void> {
    await this.loadProjectFile();
    this.service.updateConfig(this.effectiveSettings());
    this.applyArchive();
    const config = this.service.config();
    this.sources.update(this.folders, config.corpus);
    await this.loadWriterBibliographies();
    this.watchSources(config);
    await this.index(title);
  }

  /** A client without workspace folders opened a document: the project root may be found from it. */
  async documentOpened(uri: string): Promise<void> {
    if (!this.awaitingRoot) return;
    await this.rootDecided;
    if (!this.awaitingRoot || !this.host.pathOfUri(uri)) return;
    this.awaitingRoot = false;
    if (!(await this.chooseRoot(uri))) {
      this.awaitingRoot = true;
      return;
    }
    await this.startProject('Sourced: indexing sources');
  }

  /** `workspace/didChangeConfiguration`: pulls or takes the new settings and applies them. */
  async configurationChanged(settings: unknown): Promise<void> {
    if (this.can.pullConfiguration) await this.pullSettings();
    else {
      this.rawSettings = settingsFrom(settings) ?? this.rawSettings;
      this.reportSettingProblems();
    }
    await this.applySettings();
  }

  /** `workspace/didChangeWatchedFiles`: the project file, the writer's bibliographies, sources. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    const isProjectFile = (c: FileEvent): boolean => c.uri.endsWith(`/${PROJECT_FILE}`);
    if (changes.some(isProjectFile)) {
      await this.loadProjectFile();
      await this.applySettings();
    }
    if (changes.some((c) => this.isWriterBibliography(c.uri))) void this.loadWriterBibliographies();
    for (const c of changes) {
      if (isProjectFile(c)) continue;
      const kind = c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      this.sources.notify({ kind, uri: c.uri });
    }
  }

  /**
   * A full re-index starts the project again: the project file, the writer's bibliographies and the watchers are
   * read anew (clients that cannot watch the project file have this way to apply its edits).
   */
  async reindexAll(): Promise<void> {
    await this.startProject('Sourced: re-indexing sources');
  }

  /** Opens (or closes, or switches) the team archive when its setting changed; true when it did. */
  private applyArchive(): boolean {
    const url = archiveUrlOf(this.effectiveSettings());
    if (url === this.archiveUrl || !this.host.openArchive) return false;
    this.archiveUrl = url;
    try {
      const archive = this.host.openArchive(url, this.logger) ?? null;
      this.service.setArchive(archive);
      if (archive) this.logger.info(`reading the team archive at ${archive.label}`);
    } catch (err) {
      this.logger.error(`cannot open the team archive: ${err instanceof Error ? err.message : String(err)}`);
    }
    return true;
  }

  /** Says once per change what is wrong in the settings, with the valid values. */
  private reportSettingProblems(): void {
    const problems = configProblems(this.effectiveSettings());
    const key = problems.join('\n');
    if (key === this.reportedProblems) return;
    this.reportedProblems = key;
    for (const p of problems) this.logger.warn(`setting refused: ${p}`);
    if (problems.length) void this.connection.window.showWarningMessage(`Sourced: ${problems.join('; ')}`);
  }

  private async pullSettings(): Promise<void> {
    this.reportSettingProblems();
    if (!this.can.pullConfiguration) return;
    try {
      this.rawSettings = (await this.connection.workspace.getConfiguration({ section: 'sourced' })) ?? this.rawSettings;
      this.reportSettingProblems();
    } catch (err) {
      this.logger.warn(`could not read settings: ${String(err)}; using defaults`);
    }
  }

  private async index(title: string): Promise<void> {
    const progress = this.can.reportProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin(title, 0, 'listing files', false);
    await this.service.reindex((done, total) => progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`));
    progress?.done();
    const s = this.service.status();
    this.logger.info(`ready: ${s.sources} sources, ${s.quotes} quotes, ${s.actors} actors, ${s.skipped} skipped`);
    if (s.sources + s.skipped === 0) {
      const where = this.folders.map((f) => f.path).join(', ') || 'no workspace folder';
      this.logger.warn(`no file matches sourced.corpus.include ${JSON.stringify(this.service.config().corpus.include)} in ${where}`);
    }
  }

  /** Reads the project file of the first folder that has one; editor settings still override it. */
  private async loadProjectFile(): Promise<void> {
    this.projectSettings = {};
    for (const folder of this.folders) {
      const file = await this.host.readProjectFile(folder.path);
      if (!file) continue;
      if (file.error) this.logger.warn(`${file.path}: ignored, ${file.error}`);
      else this.logger.info(`project file: ${file.path}`);
      this.projectSettings = file.settings;
      return;
    }
  }

  /**
   * Without workspace folders: picks the project root from the working folder (uri undefined) or a document.
   * When nothing marks a project there, no folder is adopted (watching a home folder recursively would be costly);
   * the next opened document tries again.
   */
  private async chooseRoot(uri: string | undefined): Promise<boolean> {
    const found = await this.host.findProjectRoot(uri, resolveConfig(this.effectiveSettings()).corpus.include);
    const from = uri ? `the folder of ${uri}` : 'the working folder';
    if (!found.found) {
      this.logger.info(
        `no workspace folder, and ${found.reason} (searched upwards from ${from}); no sources are read until a document in a project opens`,
      );
      return false;
    }
    this.folders = [{ path: found.root }];
    this.logger.info(`no workspace folder: project root ${found.root} (searched upwards from ${from}; ${found.reason})`);
    return true;
  }

  /** Re-reads the writer's bibliographies; a reload never fails a request (the reasons are logged). */
  private async loadWriterBibliographies(): Promise<void> {
    const entries = await this.host.loadWriterBibliographies(this.folders, this.service.config(), this.logger).catch((err: unknown) => {
      this.logger.error(`reading the writer's bibliographies failed: ${String(err)}`);
      return [];
    });
    this.service.setWriterBibliography(entries);
  }

  /** Whether a URI is one of the writer's bibliography files. */
  private isWriterBibliography(uri: string): boolean {
    const file = this.host.pathOfUri(uri);
    if (file === undefined) return false;
    const target = this.host.uriOfPath(file);
    const bibliographies = this.service.config().citations.writerBibliographies;
    return this.folders.some((f) => bibliographies.some((b) => this.host.uriOfPath(`${f.path}/${b}`) === target));
  }

  /** Watches the sources and the project file: through the client when it can register watchers, else on disk. */
  private watchSources(config: SourcedConfig): void {
    if (!this.folders.length) return;
    if (!this.can.registerWatchers) {
      this.sources.watchFileSystem();
      return;
    }
    const previous = this.watcherRegistration;
    const watchers = this.folders.flatMap((f) =>
      [...config.corpus.include, ...config.citations.writerBibliographies, PROJECT_FILE].map((pattern) => ({
        globPattern: { baseUri: this.host.uriOfPath(f.path), pattern },
      })),
    );
    this.watcherRegistration = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void previous?.then(
      (r) => r.dispose(),
      () => undefined,
    );
  }

  /** Applies the merged settings; re-indexes when the corpus settings changed, else re-checks open drafts. */
  private async applySettings(): Promise<void> {
    const before = JSON.stringify(this.service.config().corpus);
    this.service.updateConfig(this.effectiveSettings());
    // Archived sources join the local ones in the heap index: opening or closing the archive may change the store.
    const archiveChanged = this.applyArchive();
    const config = this.service.config();
    await this.loadWriterBibliographies();
    if (JSON.stringify(config.corpus) !== before || archiveChanged) {
      this.sources.update(this.folders, config.corpus);
      this.watchSources(config);
      await this.index('Sourced: re-indexing sources');
    } else {
      this.diagnostics().scheduleAll(0);
    }
  }
}
