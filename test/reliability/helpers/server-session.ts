/** A real server session for the reliability tests: mirrored documents, incremental edits, error and crash tracking. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { startServer, type LspSession, type SessionOptions } from '../../helpers/lsp-client';
import { isBugLog } from './checks';

/** JSON-RPC / LSP error codes the tests tell apart. */
export const REQUEST_CANCELLED = -32800;
export const INTERNAL_ERROR = -32603;
export const INVALID_PARAMS = -32602;

export type Answer = { ok: true; result: unknown; ms: number } | { ok: false; code: number; message: string; ms: number };

export interface Status {
  ready: boolean;
  sources: number;
  quotes: number;
  actors: number;
  skipped: number;
}

/** A server plus the client-side copies of the documents it has open. */
export class ServerSession {
  readonly docs = new Map<string, TextDocument>();
  exitCode: number | null | undefined = undefined;
  private diskCache = new Map<string, string>();

  private constructor(readonly lsp: LspSession) {
    lsp.process.on('exit', (code, signal) => (this.exitCode = code ?? (signal ? -1 : null)));
  }

  static async start(options: SessionOptions): Promise<ServerSession> {
    return new ServerSession(await startServer(options));
  }

  /** True while the server process is alive. */
  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Log lines that betray a swallowed bug. */
  bugLogs(): string[] {
    return this.lsp.logs.filter(isBugLog);
  }

  status(): Promise<Status> {
    return this.lsp.status();
  }

  async ready(timeoutMs = 60_000): Promise<Status> {
    return this.lsp.waitFor(
      () => this.status(),
      (s) => s.ready,
      timeoutMs,
    );
  }

  open(uri: string, text: string, languageId = 'markdown'): TextDocument {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    this.lsp.open(uri, text, languageId);
    return doc;
  }

  /** Sends incremental changes and applies them to the local copy the same way the server does. */
  edit(uri: string, changes: { range: Range; text: string }[]): TextDocument {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    void this.lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return doc;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends a request; with `cancelAfterMs` the client cancels it (0: at once). */
  async call(method: string, params: unknown, cancelAfterMs?: number): Promise<Answer> {
    const started = performance.now();
    const source = new CancellationTokenSource();
    if (cancelAfterMs !== undefined) {
      if (cancelAfterMs === 0) queueMicrotask(() => source.cancel());
      else setTimeout(() => source.cancel(), cancelAfterMs);
    }
    try {
      const result = await this.lsp.connection.sendRequest(method, params, source.token);
      return { ok: true, result, ms: performance.now() - started };
    } catch (err) {
      const ms = performance.now() - started;
      if (err instanceof ResponseError) return { ok: false, code: err.code, message: err.message, ms };
      return { ok: false, code: 0, message: String(err), ms };
    } finally {
      source.dispose();
    }
  }

  /** The text a URI refers to: an open document, else the file on disk. */
  textOf = (uri: string): string | undefined => {
    const doc = this.docs.get(uri);
    if (doc) return doc.getText();
    if (!uri.startsWith('file:')) return undefined;
    let text = this.diskCache.get(uri);
    if (text === undefined) {
      try {
        text = readFileSync(fileURLToPath(uri), 'utf8');
      } catch {
        return undefined;
      }
      this.diskCache.set(uri, text);
    }
    return text;
  };

  /** Diagnostics pushed for the document's current version. */
  async diagnosticsNow(uri: string, timeoutMs = 10_000): Promise<unknown[] | undefined> {
    const version = this.docs.get(uri)?.version;
    const p = await this.lsp.waitFor(
      () => this.lsp.diagnostics.get(uri),
      (d) => d !== undefined && d.version === version,
      timeoutMs,
    );
    return p && p.version === version ? p.diagnostics : undefined;
  }

  async dispose(): Promise<void> {
    if (this.alive) await Promise.race([this.lsp.close(), new Promise((r) => setTimeout(r, 2000))]);
    this.lsp.process.kill('SIGKILL');
  }
}

/** Waits a little. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
