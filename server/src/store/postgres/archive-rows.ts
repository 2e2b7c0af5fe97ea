import { nameKey } from '../../mentions/name-key';
import type { SourceAnalysis } from '../../domain/source-analysis';
import { words } from '../../text/tokenize';

/** One analysed source to write, identified by the hash of its decoded text. */
export interface ArchiveItem {
  hash: string;
  analysis: SourceAnalysis;
}

/** PostgreSQL text cannot hold NUL; source text is untrusted, so it is dropped from every column. */
export const clean = (s: string): string => (s.includes('\u0000') ? s.split('\u0000').join('') : s);

/** The passages (paragraphs) of a source as column arrays: ordinal, kind, text. */
export function passageRows(a: SourceAnalysis): { ordinal: number[]; kind: string[]; text: string[] } {
  const out = { ordinal: [] as number[], kind: [] as string[], text: [] as string[] };
  a.doc.paragraphs.forEach((p, i) => {
    out.ordinal.push(i);
    out.kind.push(p.kind);
    out.text.push(clean(a.doc.text.slice(p.start, p.end)));
  });
  return out;
}

/** The quotations of a source: ordinal (its index in the analysis), kind, speaker, text, word count. */
export function quotationRows(a: SourceAnalysis): {
  ordinal: number[];
  kind: string[];
  speaker: (string | null)[];
  text: string[];
  words: number[];
} {
  const out = {
    ordinal: [] as number[],
    kind: [] as string[],
    speaker: [] as (string | null)[],
    text: [] as string[],
    words: [] as number[],
  };
  a.quotes.forEach((q, i) => {
    out.ordinal.push(i);
    out.kind.push(q.kind);
    out.speaker.push(q.speaker === null ? null : clean(q.speaker));
    out.text.push(clean(q.text));
    out.words.push(words(q.text).length);
  });
  return out;
}

/** How one document actor names and describes the actor: what a card lists as roles and other names. */
export interface ActorFacet {
  name: string;
  aliases: string[];
  roles: { title: string; affiliation: string | null }[];
}

/** One actor as a source mentions it: canonical key, display name, type, every key it goes by, mention count. */
export interface ActorRow {
  key: string;
  name: string;
  type: string;
  keys: string[];
  mentions: number;
  /** The source's document actors under this key. */
  facets: ActorFacet[];
}

/** The actors of a source, one per name key (actors of one source sharing a key are summed). */
export function actorRows(a: SourceAnalysis): ActorRow[] {
  const byKey = new Map<string, ActorRow>();
  for (const actor of a.actors.actors) {
    const key = actor.keys?.name ?? nameKey(actor.name);
    if (!key) continue;
    const aliasKeys = actor.keys?.aliases ?? actor.aliases.map(nameKey);
    const row = byKey.get(key) ?? { key, name: clean(actor.name), type: actor.type, keys: [key], mentions: 0, facets: [] };
    for (const k of aliasKeys) if (k && !row.keys.includes(k)) row.keys.push(k);
    row.mentions += Math.max(1, actor.mentions.length);
    row.facets.push({
      name: clean(actor.name),
      aliases: actor.aliases.map(clean),
      roles: actor.roles.map((r) => ({ title: clean(r.title), affiliation: r.affiliation === null ? null : clean(r.affiliation) })),
    });
    byKey.set(key, row);
  }
  return [...byKey.values()];
}
