/**
 * Every custom request and notification of the Sourced protocol, with its parameter and result types: one
 * declaration each, imported by the server's LSP adapter, the VS Code client and the tests.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { ActorListItem } from '../features/actors/actor-navigation';
import type { QuoteSearchResult } from '../features/quotes/search-quotes';
import type { SourceDetails, SourceListItem, SourcePassage } from '../features/sources/source-list';
import type { StatusReport } from '../features/status';

export type { ActorListItem, QuoteSearchResult, SourceDetails, SourceListItem, SourcePassage, StatusReport };

/** Parameters of `sourced/searchQuotes`. */
export interface SearchQuotesParams {
  query: string;
  limit?: number;
}

/** Parameters of `sourced/quoteInsertEdits`: a quotation from `sourced/searchQuotes`, inserted at a position. */
export interface QuoteInsertEditsParams {
  uri: string;
  position: Position;
  id: number;
}

/** Parameters of `sourced/listActors`. */
export interface ListActorsParams {
  query?: string;
}

/** Parameters of `sourced/actorCard`. */
export interface ActorCardParams {
  id: string;
}

/** Parameters of `sourced/listSources` (none yet; an object so that options can come without breaking clients). */
export type ListSourcesParams = Record<string, never>;

/** Parameters of `sourced/sourceDetails`. */
export interface SourceDetailsParams {
  uri: string;
}

/** Heap and RSS after a full collection (a debug request for the leak tests). */
export interface MemoryReport {
  heapUsed: number;
  rss: number;
}

/** Counts of the current index and whether the first build is done. */
export const StatusRequest = new RequestType0<StatusReport, void>('sourced/status');
/** Rebuilds the index from disk; answers the new status. */
export const ReindexRequest = new RequestType0<StatusReport, void>('sourced/reindex');
/** Quotations matching words of the quote or its speaker, best first. */
export const SearchQuotesRequest = new RequestType<SearchQuotesParams, QuoteSearchResult[], void>('sourced/searchQuotes');
/** The edits that insert a quotation with its citation. */
export const QuoteInsertEditsRequest = new RequestType<QuoteInsertEditsParams, TextEdit[], void>('sourced/quoteInsertEdits');
/** Actors for a picker, most mentioned first. */
export const ListActorsRequest = new RequestType<ListActorsParams, ActorListItem[], void>('sourced/listActors');
/** An actor's card as Markdown, or null. */
export const ActorCardRequest = new RequestType<ActorCardParams, string | null, void>('sourced/actorCard');
/** Every source with its title, outlet, date and counts, newest first (the Sources view). */
export const ListSourcesRequest = new RequestType<ListSourcesParams, SourceListItem[], void>('sourced/listSources');
/** One source's quotations and actors, each with the range of its passage; null for an unknown source. */
export const SourceDetailsRequest = new RequestType<SourceDetailsParams, SourceDetails | null, void>('sourced/sourceDetails');
/** Heap and RSS after a full collection (tests only). */
export const DebugMemoryRequest = new RequestType0<MemoryReport, void>('sourced/debugMemory');
/** Sent by the server whenever the index changes. */
export const StatusChangedNotification = new NotificationType<StatusReport>('sourced/statusChanged');

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  citeAll: 'sourced.citeAllSupportedClaims',
  reindex: 'sourced.reindex',
} as const;
