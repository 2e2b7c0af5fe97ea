import type { Location } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Go to definition on a quotation: the source at that quotation. (Filled in by the quotes feature.) */
export function quoteDefinition(_ctx: ServiceContext, _draft: DraftDocument, _offset: number): Location[] {
  return [];
}
