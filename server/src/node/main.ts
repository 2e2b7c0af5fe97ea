/** The language server's entry point on Node: a stdio/IPC connection and the Node host (files, caches, writers). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startLspServer, type ServerHost } from '../protocol/lsp-server';
import { updateBibliography } from './bibliography-writer';
import { NodeCorpus } from './node-corpus';
import { loadWriterBibliographies } from './writer-bibliographies';
import { NodeIndexCache, serverBuildId } from './node-index-cache';
import { openPgArchive } from './pg-archive';
import { findProjectRoot } from './project-root';
import { readProjectFile } from './workspace-settings';

/** Heap and RSS after a full collection: a debug request for the leak test, not part of the protocol contract. */
function memoryAfterGc(): { heapUsed: number; rss: number } {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

const host: ServerHost = {
  pathOfUri: (uri) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined),
  uriOfPath: (path) => pathToFileURL(path).href,
  createCorpus: (folders, settings) => new NodeCorpus(folders, settings),
  createIndexCache: (storagePath, folders) =>
    storagePath !== undefined || folders.length
      ? new NodeIndexCache({ storagePath, workspaceFolders: folders.map((f) => f.path), buildId: serverBuildId() })
      : undefined,
  updateBibliography,
  loadWriterBibliographies,
  memoryAfterGc,
  openArchive: (url, logger) => openPgArchive(url, logger),
  findProjectRoot: (uri, include) => findProjectRoot(uri?.startsWith('file:') ? path.dirname(fileURLToPath(uri)) : process.cwd(), include),
  readProjectFile,
};

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${String(err)}`));
startLspServer(connection, host);
