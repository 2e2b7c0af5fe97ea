import type { Range } from 'vscode-languageserver-types';
import type { ActorType } from '../../domain/actor-types';
import type { ServiceContext } from '../context';

/** One source for the Sources view: what it is, where it is, and how much it holds. */
export interface SourceListItem {
  uri: string;
  /** Workspace-relative path. */
  path: string;
  /** Citation key. */
  key: string;
  title: string;
  outlet: string | null;
  date: string | null;
  quotes: number;
  actors: number;
}

/** A quotation or an actor of one source, with the passage the view opens. */
export interface SourcePassage {
  /** The quotation's words, or the actor's canonical name. */
  label: string;
  /** The speaker of a quotation, or an actor's type and mention count. */
  detail: string | null;
  /** For an actor: its type. */
  type?: ActorType;
  /** The quotation, or the actor's first mention, in the source. */
  range: Range;
}

/** What the Sources view shows under one source. */
export interface SourceDetails {
  quotes: SourcePassage[];
  actors: SourcePassage[];
}

/** Sources have at most this many items in the view; the rest are one search away (workspace symbols). */
const MAX_SOURCES = 5000;

/** Every indexed source, newest first (undated last), then by path. */
export function listSources(ctx: ServiceContext): SourceListItem[] {
  const k = ctx.knowledge();
  const out: SourceListItem[] = [];
  for (const unit of k.sources.all()) {
    out.push({
      uri: unit.doc.uri,
      path: unit.doc.path,
      key: k.sources.keyOf(unit),
      title: unit.doc.title,
      outlet: unit.doc.outlet,
      date: unit.doc.date,
      quotes: k.quotes.quotesOf(unit).length,
      actors: unit.actors.actors.length,
    });
  }
  out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.path.localeCompare(b.path));
  return out.slice(0, MAX_SOURCES);
}

/** The quotations (in text order, with speakers) and actors (most mentioned first) of one source; null if unknown. */
export function sourceDetails(ctx: ServiceContext, uri: string): SourceDetails | null {
  const k = ctx.knowledge();
  const unit = k.sources.get(uri);
  if (!unit) return null;
  const quotes = k.quotes
    .quotesOf(unit)
    .filter(({ quote }) => quote.kind !== 'fragment')
    .sort((a, b) => a.quote.start - b.quote.start)
    .map(({ quote }) => ({
      label: quote.text,
      detail: quote.speaker,
      range: k.sources.location(unit, quote.start, quote.end).range,
    }));
  const actors = unit.actors.actors
    .map((actor, index) => ({ actor, canonical: k.actors.canonical(unit, index) }))
    .sort((a, b) => b.actor.mentions.length - a.actor.mentions.length || a.actor.name.localeCompare(b.actor.name))
    .flatMap(({ actor, canonical }): SourcePassage[] => {
      const [first] = actor.mentions;
      if (!first) return [];
      const mentions = actor.mentions.length;
      return [
        {
          label: canonical?.name ?? actor.name,
          detail: `${actor.type} \u00b7 ${mentions} mention${mentions === 1 ? '' : 's'}`,
          type: actor.type,
          range: k.sources.location(unit, first.start, first.end).range,
        },
      ];
    });
  return { quotes, actors };
}
