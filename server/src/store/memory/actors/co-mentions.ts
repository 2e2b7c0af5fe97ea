/** Co-mentions counted over an actor's appearances (the memory index's way; the SQLite store counts in SQL). */
import { byCoMention, type Actor, type CoMention, type SourceUnit } from '../../source-store';

/** Counts, for every appearance of `actor`, each other actor its source names (once per document actor). */
export function countCoMentions(
  actor: Actor,
  limit: number,
  canonical: (unit: SourceUnit, local: number) => Actor | undefined,
): CoMention[] {
  const counts = new Map<Actor, number>();
  for (const { unit } of actor.appearances) {
    const n = unit.actors.actors.length;
    for (let i = 0; i < n; i++) {
      const other = canonical(unit, i);
      if (other && other !== actor) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([other, count]) => ({ actor: other, count, mentions: other.mentionCount, name: other.name, id: other.id }))
    .sort(byCoMention)
    .slice(0, limit)
    .map(({ actor: other, count }) => ({ actor: other, count }));
}
