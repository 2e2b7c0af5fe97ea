/** A minimal LSP client over stdio for protocol tests: spawns dist/server.js --stdio. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { CompletionItem, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { StatusRequest, type StatusReport } from '../../server/src/protocol/requests';
import { REPO } from './fixture';
import { SEEDS_DIR } from './paths';

export interface LspSession {
  connection: MessageConnection;
  process: ChildProcessWithoutNullStreams;
  /** Log lines the server sent with window/logMessage. */
  logs: string[];
  /** The latest diagnostics per URI. */
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Every method the server asked to register (client/registerCapability). */
  registrations: string[];
  open(uri: string, text: string, languageId?: string): void;
  change(uri: string, version: number, text: string): void;
  /** Polls until `predicate` holds or `timeoutMs` passes; returns the last value. */
  waitFor<T>(probe: () => T | Promise<T>, predicate: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  diagnosticsFor(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
  /** The server's `sourced/status`. */
  status(): Promise<StatusReport>;
  /** Polls `sourced/status` until the first index build is done (and `predicate` holds); returns the status. */
  whenReady(timeoutMs?: number, predicate?: (s: StatusReport) => boolean): Promise<StatusReport>;
  close(): Promise<void>;
}

export interface SessionOptions {
  workspace: string;
  settings?: Record<string, unknown>;
  /** Advertise workspace/configuration (the server then pulls settings). */
  pullConfiguration?: boolean;
  /** The server build to run (default dist/server.js); the adversarial bench compares builds. */
  serverPath?: string;
  /** More initializationOptions beside the settings (e.g. `trusted: false`). */
  initializationOptions?: Record<string, unknown>;
  /** The whole initialize request instead of the default one for `workspace` (no folder, chosen capabilities…). */
  initialize?: Record<string, unknown>;
  /** The server's working folder (default: this process's). */
  cwd?: string;
}

/** The initialize request a typical editor sends for `options.workspace`. */
function defaultInitialize(options: SessionOptions): Record<string, unknown> {
  const rootUri = pathToFileURL(options.workspace).href;
  return {
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
    capabilities: {
      workspace: { configuration: options.pullConfiguration ?? false },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
    initializationOptions: options.pullConfiguration
      ? options.initializationOptions
      : { sourced: options.settings ?? {}, ...options.initializationOptions },
  };
}

/** Starts the built server on a workspace folder and completes the initialize handshake. */
export async function startServer(options: SessionOptions): Promise<LspSession> {
  const child = spawn(process.execPath, [options.serverPath ?? path.join(REPO, 'dist', 'server.js'), '--stdio'], {
    stdio: 'pipe',
    cwd: options.cwd,
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const registrations: string[] = [];
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p);
  });
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
    registrations.push(...p.registrations.map((r) => r.method));
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, ...(options.initialize ?? defaultInitialize(options)) });
  await connection.sendNotification('initialized', {});

  const session: LspSession = {
    connection,
    process: child,
    logs,
    diagnostics,
    registrations,
    open(uri, text, languageId = 'markdown') {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, text) {
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async waitFor(probe, predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let value = await probe();
      while (!predicate(value) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        value = await probe();
      }
      return value;
    },
    async diagnosticsFor(uri, timeoutMs = 5000) {
      const p = await session.waitFor(
        () => diagnostics.get(uri),
        (d) => d !== undefined,
        timeoutMs,
      );
      return p?.diagnostics ?? [];
    },
    status: () => connection.sendRequest(StatusRequest),
    whenReady: (timeoutMs = 30_000, predicate = () => true) =>
      session.waitFor(
        () => session.status(),
        (st) => st.ready && predicate(st),
        timeoutMs,
      ),
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // The process may be gone already.
      }
      connection.dispose();
      child.kill();
    },
  };
  return session;
}

/** A session on a temporary copy of the seeds (`workspace`). */
export type SeedSession = LspSession & { workspace: string };

/** A fresh temporary workspace holding a copy of the seed articles under `seeds/`. */
export function seedWorkspace(prefix = 'sourced-'): string {
  const workspace = mkdtempSync(path.join(tmpdir(), prefix));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  return workspace;
}

/** A server on a fresh copy of the seeds, ready; closing it also removes the workspace. */
export async function startOnSeeds(settings?: Record<string, unknown>, timeoutMs = 30_000): Promise<SeedSession> {
  const workspace = seedWorkspace();
  const session = await startServer({ workspace, settings });
  await session.whenReady(timeoutMs);
  const close = session.close.bind(session);
  return Object.assign(session, {
    workspace,
    close: async () => {
      await close();
      rmSync(workspace, { recursive: true, force: true });
    },
  });
}

let completedDrafts = 0;

/** Opens `text` as a new draft in `workspace` and asks for completion at its end. */
export async function completeAtEnd(session: LspSession, workspace: string, text: string): Promise<CompletionItem[]> {
  const uri = pathToFileURL(path.join(workspace, `draft-${++completedDrafts}.md`)).href;
  session.open(uri, text);
  const lines = text.split('\n');
  const list = await session.connection.sendRequest<CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  });
  return list?.items ?? [];
}

/** Everything a completion item inserts: its edit and its additional edits (footnotes), one per line. */
export const insertedText = (item: CompletionItem): string =>
  [(item.textEdit as TextEdit | undefined)?.newText ?? '', ...(item.additionalTextEdits ?? []).map((e) => e.newText)].join('\n');

/** The skipped files of a status report, by path relative to `workspace` (forward slashes), with their reasons. */
export function skippedReasons(status: StatusReport, workspace: string): Record<string, string> {
  return Object.fromEntries(
    (status.skippedFiles ?? []).map((f) => [path.relative(workspace, new URL(f.uri).pathname).split(path.sep).join('/'), f.reason]),
  );
}
