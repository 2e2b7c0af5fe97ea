/**
 * The Markdown card of an actor, shared by hover and `Sourced: Show Actor…`. Every piece of corpus text
 * is escaped: names, roles, quotations and keys come from untrusted files.
 */
import type { ServiceContext } from '../context';
import type { SourceUnit } from '../../store/source-store';
import { escapeMarkdown, inlineCode, shorten } from '../../text/escape-markdown';
import type { Actor, ActorRoleSummary } from '../../store/source-store';

const MAX_QUOTES = 3;
const MAX_CO_MENTIONS = 5;
const MAX_SOURCES_LISTED = 6;
const MAX_ALIASES = 12;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Finance Minister (Norway) — 2021, 2 sources". */
export function roleLine(role: ActorRoleSummary): string {
  const aff = role.affiliation ? ` (${role.affiliation})` : '';
  const title = role.title.charAt(0).toUpperCase() + role.title.slice(1);
  const when = role.newest ? `${role.newest.slice(0, 4)}, ` : '';
  return `${title}${aff} \u2014 ${when}${plural(role.units.length, 'source')}`;
}

/** A one-line description for pickers: the newest role, else type and affiliation. */
export function describe(actor: Actor): string {
  const role = actor.roles[0];
  const head = role ? roleLine(role) : `${actor.type}${actor.affiliation ? ` (${actor.affiliation})` : ''}`;
  return `${head} \u00b7 ${plural(actor.mentionCount, 'mention')} in ${plural(actor.appearances.length, 'source')}`;
}

/** Sources of an actor looked through for its quotations: a card must not read thousands of sources. */
const MAX_QUOTE_SOURCES = 200;

/** Quotations by this actor: quotes whose speaker name resolves to it, from its first sources (by path). */
export function quotesBy(ctx: ServiceContext, actor: Actor, limit: number): { unit: SourceUnit; text: string }[] {
  const k = ctx.knowledge();
  const out: { unit: SourceUnit; text: string }[] = [];
  const seen = new Set<SourceUnit>();
  // A speaker is named the same way in many quotations: each name is resolved once per card.
  const speakers = new Map<string, boolean>();
  const isActor = (speaker: string): boolean => {
    let hit = speakers.get(speaker);
    if (hit === undefined) speakers.set(speaker, (hit = k.actors.findByName(speaker) === actor));
    return hit;
  };
  for (const { unit } of actor.appearances) {
    if (seen.has(unit)) continue;
    if (seen.size >= MAX_QUOTE_SOURCES) break;
    seen.add(unit);
    for (const quote of unit.quotes ?? []) {
      if (!quote.speaker || quote.kind === 'fragment' || quote.kind === 'indirect') continue;
      if (!isActor(quote.speaker)) continue;
      out.push({ unit, text: quote.text });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Actors most often mentioned in the same sources. */
export function coMentioned(ctx: ServiceContext, actor: Actor, limit: number): { actor: Actor; count: number }[] {
  return ctx.knowledge().actors.coMentioned(actor, limit);
}

/** The card: bold name, type, roles with sources, aliases, mentions per source, quotations, co-mentioned actors. */
export function actorCardMarkdown(ctx: ServiceContext, actor: Actor): string {
  const k = ctx.knowledge();
  const key = (u: SourceUnit): string => inlineCode(k.sources.keyOf(u));
  const lines: string[] = [`**${escapeMarkdown(actor.name)}**`, ''];
  lines.push(`*${actor.type}*${actor.affiliation ? ` \u00b7 ${escapeMarkdown(actor.affiliation)}` : ''}`, '');
  if (actor.roles.length) {
    lines.push('Roles:', '');
    for (const r of actor.roles.slice(0, 6)) {
      const keys = r.units.slice(0, MAX_SOURCES_LISTED).map(key).join(', ');
      lines.push(`- ${escapeMarkdown(roleLine(r))}: ${keys}${r.units.length > MAX_SOURCES_LISTED ? ', \u2026' : ''}`);
    }
    lines.push('');
  }
  if (actor.aliases.length) {
    const shown = actor.aliases.slice(0, MAX_ALIASES).map(escapeMarkdown).join(', ');
    lines.push(`Also: ${shown}${actor.aliases.length > MAX_ALIASES ? ', \u2026' : ''}`, '');
  }
  const perSource = actor.appearances.map((a) => ({ unit: a.unit, n: a.actor.mentions.length })).sort((a, b) => b.n - a.n);
  const mentionParts = perSource.slice(0, MAX_SOURCES_LISTED).map((p) => `${key(p.unit)} ${p.n}`);
  lines.push(
    `Mentions: ${actor.mentionCount} in ${plural(perSource.length, 'source')} \u2014 ${mentionParts.join(', ')}${perSource.length > MAX_SOURCES_LISTED ? ', \u2026' : ''}`,
    '',
  );
  const quotes = quotesBy(ctx, actor, MAX_QUOTES);
  if (quotes.length) {
    lines.push('Quotations:', '');
    for (const q of quotes) lines.push(`- \u201c${escapeMarkdown(shorten(q.text, 180))}\u201d ${key(q.unit)}`);
    lines.push('');
  }
  const co = coMentioned(ctx, actor, MAX_CO_MENTIONS);
  if (co.length) lines.push(`Mentioned with: ${co.map((c) => `${escapeMarkdown(c.actor.name)} (${c.count})`).join(', ')}`);
  return lines.join('\n').trimEnd();
}
