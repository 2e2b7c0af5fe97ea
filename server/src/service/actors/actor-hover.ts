import type { Hover } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Hover card for an actor named at the offset. (Filled in by the actors feature.) */
export function actorHover(_ctx: ServiceContext, _draft: DraftDocument, _offset: number): Hover | null {
  return null;
}
