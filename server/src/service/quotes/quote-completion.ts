import type { CompletionList } from 'vscode-languageserver-types';
import type { Cancellation } from '../cancellation';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Quote completion inside an unclosed quotation. (Filled in by the quotes feature.) */
export function provideQuoteCompletion(_ctx: ServiceContext, _draft: DraftDocument, _offset: number, _token: Cancellation): CompletionList | null {
  return null;
}
