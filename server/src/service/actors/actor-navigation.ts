import type { Location, SymbolInformation } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Go to definition on an actor: its first mention in the sources. (Filled in by the actors feature.) */
export function actorDefinition(_ctx: ServiceContext, _draft: DraftDocument, _offset: number): Location[] {
  return [];
}

/** Every mention of the actor at the offset, in sources and open drafts. (Filled in by the actors feature.) */
export function actorReferences(_ctx: ServiceContext, _draft: DraftDocument, _offset: number): Location[] {
  return [];
}

/** Actors matching a workspace-symbol query. (Filled in by the actors feature.) */
export function actorSymbols(_ctx: ServiceContext, _query: string): SymbolInformation[] {
  return [];
}

/** One answer of `sourced/listActors`. */
export interface ActorListItem {
  id: string;
  name: string;
  type: string;
  description: string;
}

/** Actors for the Show Actor quick pick. (Filled in by the actors feature.) */
export function listActors(_ctx: ServiceContext, _query: string): ActorListItem[] {
  return [];
}

/** The Markdown card of an actor (escaped), or null. (Filled in by the actors feature.) */
export function actorCard(_ctx: ServiceContext, _id: string): string | null {
  return null;
}
