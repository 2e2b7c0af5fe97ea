import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { ServiceContext } from '../context';
import type { DraftDocument } from '../drafts/draft-document';
import { plainText } from '../../text/escape-markdown';
import { rangeAt } from '../../text/line-index';
import { normalizeForMatch } from '../../text/normalize';
import { actorCardMarkdown, describe } from './actor-card';
import type { Actor } from '../../store/source-store';
import { actorAt, actorsIn } from './actor-lookup';
import type { ActorType } from '../../domain/actor-types';

const MAX_SYMBOLS = 200;
const MAX_LIST = 1000;

const SYMBOL_KIND: Record<ActorType, SymbolKind> = {
  person: SymbolKind.Object,
  organisation: SymbolKind.Struct,
  country: SymbolKind.Namespace,
  place: SymbolKind.Module,
};

function actorUnder(ctx: ServiceContext, draft: DraftDocument, offset: number): Actor | null {
  if (draft.excluded.some((s) => offset >= s.start && offset < s.end)) return null;
  return actorAt(ctx.knowledge().actors, draft.text, offset)?.actor ?? null;
}

/** The first mention of an actor in the sources: in the oldest dated source, else the first by path. */
function firstMention(ctx: ServiceContext, actor: Actor): Location | null {
  const sorted = [...actor.appearances].sort((a, b) => {
    const da = a.unit.doc.date ?? '9999';
    const db = b.unit.doc.date ?? '9999';
    return da.localeCompare(db) || a.unit.doc.path.localeCompare(b.unit.doc.path);
  });
  const first = sorted.find((a) => a.actor.mentions.length > 0);
  if (!first) return null;
  const m = first.actor.mentions[0];
  return ctx.knowledge().sources.location(first.unit, m.start, m.end);
}

/** Go to definition on an actor: its first mention in the sources. */
export function actorDefinition(ctx: ServiceContext, draft: DraftDocument, offset: number): Location[] {
  const actor = actorUnder(ctx, draft, offset);
  const loc = actor ? firstMention(ctx, actor) : null;
  return loc ? [loc] : [];
}

/** Every mention of the actor at the offset, in sources and open drafts. */
export function actorReferences(ctx: ServiceContext, draft: DraftDocument, offset: number): Location[] {
  const actor = actorUnder(ctx, draft, offset);
  if (!actor) return [];
  const k = ctx.knowledge();
  const out: Location[] = [];
  for (const { unit, actor: local } of actor.appearances) {
    for (const m of local.mentions) out.push(k.sources.location(unit, m.start, m.end));
  }
  const drafts = ctx.openDrafts();
  if (!drafts.some((d) => d.uri === draft.uri)) drafts.push(draft);
  for (const d of drafts) {
    for (const hit of actorsIn(k.actors, d.text)) {
      if (hit.actor !== actor || d.excluded.some((s) => hit.start >= s.start && hit.start < s.end)) continue;
      out.push({ uri: d.uri, range: rangeAt(d, hit.start, hit.end) });
    }
  }
  return out;
}

function matches(actor: Actor, q: string): boolean {
  if (!q) return true;
  if (normalizeForMatch(actor.name).includes(q)) return true;
  return actor.aliases.some((a) => normalizeForMatch(a).includes(q));
}

function byMentions(ctx: ServiceContext, query: string): Actor[] {
  const q = normalizeForMatch(query);
  return [...ctx.knowledge().actors.all()]
    .filter((a) => matches(a, q))
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
}

/** Actors matching a workspace-symbol query, most mentioned first (none for an empty query: sources list first). */
export function actorSymbols(ctx: ServiceContext, query: string): SymbolInformation[] {
  if (!query.trim()) return [];
  const out: SymbolInformation[] = [];
  for (const actor of byMentions(ctx, query)) {
    const location = firstMention(ctx, actor);
    if (!location) continue;
    out.push({ name: plainText(actor.name), kind: SYMBOL_KIND[actor.type], location, containerName: `actors \u00b7 ${actor.type}` });
    if (out.length >= MAX_SYMBOLS) break;
  }
  return out;
}

/** One answer of `sourced/listActors`. */
export interface ActorListItem {
  id: string;
  name: string;
  type: string;
  description: string;
}

/** Actors for the Show Actor quick pick, most mentioned first. */
export function listActors(ctx: ServiceContext, query: string): ActorListItem[] {
  return byMentions(ctx, query)
    .slice(0, MAX_LIST)
    .map((a) => ({ id: a.id, name: plainText(a.name), type: a.type, description: plainText(describe(a)) }));
}

/** The Markdown card of an actor (escaped), or null. */
export function actorCard(ctx: ServiceContext, id: string): string | null {
  const actor = ctx.knowledge().actors.byId(id);
  return actor ? actorCardMarkdown(ctx, actor) : null;
}
