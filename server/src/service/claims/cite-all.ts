import type { TextEdit } from 'vscode-languageserver-types';
import type { Cancellation } from '../cancellation';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Edits that cite every claim whose best source clears the threshold. (Filled in by the claims feature.) */
export async function citeAllEdits(_ctx: ServiceContext, _draft: DraftDocument, _token: Cancellation): Promise<TextEdit[]> {
  return [];
}
