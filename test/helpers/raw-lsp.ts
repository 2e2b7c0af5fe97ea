/**
 * A bare LSP client for tests that control the whole initialize request (no workspace folder, chosen capabilities,
 * the server's working folder) and watch what the server asks of the client (registrations).
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from './paths';

export interface RawSession {
  connection: MessageConnection;
  logs: string[];
  /** Every method the server asked to register (client/registerCapability). */
  registrations: string[];
  diagnostics: Map<string, PublishDiagnosticsParams>;
  /** Polls until `probe()` satisfies `done` or the time runs out; returns the last value. */
  waitFor<T>(probe: () => T | Promise<T>, done: (v: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Spawns dist/server.js in `cwd`, sends `initialize` with `params` and `initialized`. */
export async function startRawServer(cwd: string, params: Record<string, unknown>, settings: unknown = {}): Promise<RawSession> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], { cwd, stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const session: RawSession = {
    connection,
    logs: [],
    registrations: [],
    diagnostics: new Map(),
    async waitFor(probe, done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let value = await probe();
      while (!done(value) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        value = await probe();
      }
      return value;
    },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      child.kill();
    },
  };
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    session.logs.push(p.message);
  });
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    session.diagnostics.set(p.uri, p);
  });
  connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
    session.registrations.push(...p.registrations.map((r) => r.method));
    return null;
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, ...params });
  await connection.sendNotification('initialized', {});
  return session;
}
