import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { rangeAt } from '../../text/line-index';
import { actorCardMarkdown } from './actor-card';
import { actorAt } from './actor-lookup';

/** Hover card for an actor named at the offset; null on anything else (or inside code). */
export function actorHover(ctx: ServiceContext, draft: DraftDocument, offset: number): Hover | null {
  if (draft.excluded.some((s) => offset >= s.start && offset < s.end)) return null;
  const hit = actorAt(ctx.knowledge().actors, draft.text, offset);
  if (!hit) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: actorCardMarkdown(ctx, hit.actor) },
    range: rangeAt(draft, hit.start, hit.end),
  };
}
