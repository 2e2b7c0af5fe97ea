/**
 * The LSP adapter: the only module that knows the protocol. It wires the connection to the workspace session
 * (lifecycle, settings, files), the diagnostics scheduler (drafts) and the request handlers; everything that
 * touches the machine (files, watchers, caches, the bibliography file) comes from the host that node/main.ts
 * passes in, so this module runs over any connection.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from '../domain/logger';
import { DiagnosticsScheduler } from './diagnostics-scheduler';
import { registerFeatureRequests, registerSourcedRequests } from './request-handlers';
import { serverCapabilities } from './server-capabilities';
import type { ServerHost } from './server-host';
import { WorkspaceSession } from './workspace-session';

export type { ServerHost } from './server-host';

/** Serves Sourced over an LSP connection until it closes. */
export function startLspServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  const logger: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const session: WorkspaceSession = new WorkspaceSession(
    connection,
    host,
    logger,
    () => documents.all(),
    () => scheduler,
  );
  const scheduler = new DiagnosticsScheduler(
    connection,
    documents,
    () => session.service,
    (doc) =>
      session.trusted ? host.updateBibliography(session.service, session.folders, doc, documents.all(), logger) : Promise.resolve(),
    logger,
  );

  connection.onInitialize((params) => {
    session.initialize(params);
    return serverCapabilities();
  });
  connection.onInitialized(() => session.initialized());
  connection.onDidChangeConfiguration((change) => session.configurationChanged(change.settings));
  connection.onDidChangeWatchedFiles(({ changes }) => session.filesChanged(changes));

  documents.onDidChangeContent(({ document }) => {
    if (session.service.isSource(document.uri)) session.service.setSourceOverlay(document.uri, document.getText());
    else scheduler.schedule(document);
  });
  documents.onDidOpen(({ document }) => void session.documentOpened(document.uri));
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    if (session.service.isSource(document.uri)) session.service.setSourceOverlay(document.uri, null);
    else void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  registerFeatureRequests(connection, documents, session);
  registerSourcedRequests(connection, documents, session, host);
  documents.listen(connection);
  connection.listen();
}
