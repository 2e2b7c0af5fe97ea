/**
 * The request handlers: each turns a request into one service call. Parameters are checked first (InvalidParams),
 * a cancelled request answers RequestCancelled, and every answer goes through `outgoing` (no bidi controls).
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourcedService } from '../service';
import { invalidParams } from './params';
import { outgoing } from './outgoing';
import type { ServerHost } from './server-host';
import type { WorkspaceSession } from './workspace-session';
import {
  ActorCardRequest,
  DebugMemoryRequest,
  ListActorsRequest,
  ListSourcesRequest,
  QuoteInsertEditsRequest,
  ReindexRequest,
  SearchQuotesRequest,
  ServerCommands,
  SourceDetailsRequest,
  StatusRequest,
} from './requests';

/** LSP asks for RequestCancelled when the client cancelled a request; vscode-jsonrpc leaves that answer to the handler. */
async function answer<T>(token: CancellationToken, result: T | Promise<T>, doc?: TextDocument): Promise<T | ResponseError<void>> {
  const value = await result;
  return token.isCancellationRequested
    ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled')
    : outgoing(value, doc?.getText());
}

/** Registers the standard LSP feature requests. */
export function registerFeatureRequests(connection: Connection, documents: TextDocuments<TextDocument>, session: WorkspaceSession): void {
  const docOf = (uri: string): TextDocument | undefined => documents.get(uri);
  const service = (): SourcedService => session.service;
  connection.onCompletion(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().completion(doc, p.position, token) : null, doc);
  });
  connection.onHover(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().hover(doc, p.position, token) : null, doc);
  });
  connection.onDefinition(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().definition(doc, p.position, token) : []);
  });
  connection.onReferences(async (p, token) => {
    const bad = invalidParams(p, { position: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().references(doc, p.position, token) : []);
  });
  connection.onDocumentSymbol(async (p, token) => {
    const bad = invalidParams(p);
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().documentSymbols(doc, token) : []);
  });
  connection.onWorkspaceSymbol((p, token) => {
    const query = (p as { query?: unknown } | null)?.query;
    return answer(token, service().workspaceSymbols(typeof query === 'string' ? query : '', token));
  });
  connection.onCodeAction(async (p, token) => {
    const bad = invalidParams(p, { range: true, context: true });
    if (bad) return bad;
    const doc = docOf(p.textDocument.uri);
    return answer(token, doc ? service().codeActions(doc, p.range, p.context.diagnostics, p.context.only, token) : [], doc);
  });
  connection.onExecuteCommand(async (p, token) => {
    if (typeof p?.command !== 'string')
      return new ResponseError(ErrorCodes.InvalidParams, 'invalid params: command (a string) is required');
    if (p.command === ServerCommands.reindex) return session.reindexAll();
    if (p.command !== ServerCommands.citeAll) return;
    const doc = docOf(String(p.arguments?.[0] ?? ''));
    if (!doc) return;
    const edits = outgoing(await service().citeAll(doc, token), doc.getText());
    if (edits.length) await connection.workspace.applyEdit({ label: 'Cite all supported claims', edit: { changes: { [doc.uri]: edits } } });
    return { cited: edits.length };
  });
}

/** Registers Sourced's own requests (requests.ts). */
export function registerSourcedRequests(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  session: WorkspaceSession,
  host: ServerHost,
): void {
  const docOf = (uri: string): TextDocument | undefined => documents.get(uri);
  const service = (): SourcedService => session.service;
  connection.onRequest(StatusRequest, () => service().status());
  connection.onRequest(ReindexRequest, () => session.reindexAll().then(() => service().status()));
  connection.onRequest(SearchQuotesRequest, (p, token) => answer(token, service().searchQuotes(String(p?.query ?? ''), p?.limit, token)));
  connection.onRequest(QuoteInsertEditsRequest, (p, token) => {
    const doc = docOf(String(p?.uri ?? ''));
    return answer(token, doc && p?.position ? service().quoteInsertEdits(doc, p.position, Number(p.id), token) : [], doc);
  });
  connection.onRequest(ListActorsRequest, (p, token) => answer(token, service().listActors(String(p?.query ?? ''), token)));
  connection.onRequest(DebugMemoryRequest, () => host.memoryAfterGc());
  connection.onRequest(ActorCardRequest, (p, token) => answer(token, service().actorCard(String(p?.id ?? ''), token)));
  connection.onRequest(ListSourcesRequest, (_p, token) => answer(token, service().listSources(token)));
  connection.onRequest(SourceDetailsRequest, (p, token) => answer(token, service().sourceDetails(String(p?.uri ?? ''), token)));
}
