import { normalizeForMatch } from '../text/normalize';
import type { SourceUnit, UnitListener } from '../sources/source-index';
import type { DocumentActor } from './actor-types';

/** A canonical actor: one person, organisation or place, merged across documents. */
export interface Actor {
  id: string;
  name: string;
  type: DocumentActor['type'];
  /** Each document's view of this actor. */
  appearances: { unit: SourceUnit; actor: DocumentActor }[];
}

/** The corpus-wide index of actors, merged by normalised name. (Extended by the actors feature.) */
export class ActorIndex implements UnitListener {
  private readonly actors = new Map<string, Actor>();

  unitAdded(unit: SourceUnit): void {
    for (const actor of unit.actors.actors) {
      const id = normalizeForMatch(actor.name);
      let a = this.actors.get(id);
      if (!a) this.actors.set(id, (a = { id, name: actor.name, type: actor.type, appearances: [] }));
      a.appearances.push({ unit, actor });
    }
  }

  unitRemoved(unit: SourceUnit): void {
    for (const actor of unit.actors.actors) {
      const id = normalizeForMatch(actor.name);
      const a = this.actors.get(id);
      if (!a) continue;
      a.appearances = a.appearances.filter((x) => x.unit !== unit);
      if (a.appearances.length === 0) this.actors.delete(id);
    }
  }

  /** The canonical actor of a document's actor. */
  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    const actor = unit.actors.actors[localIndex];
    return actor ? this.actors.get(normalizeForMatch(actor.name)) : undefined;
  }

  /** The canonical actor with this name or alias, if any. */
  findByName(name: string): Actor | undefined {
    return this.actors.get(normalizeForMatch(name));
  }

  get size(): number {
    return this.actors.size;
  }

  all(): IterableIterator<Actor> {
    return this.actors.values();
  }
}
