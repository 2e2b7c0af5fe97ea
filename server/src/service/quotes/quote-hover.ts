import type { Hover } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';

/** Hover on a quotation in the draft. (Filled in by the quotes feature.) */
export function quoteHover(_ctx: ServiceContext, _draft: DraftDocument, _offset: number): Hover | null {
  return null;
}
