import type { SourceUnit, UnitListener } from '../source-index';
import { ActorGroups, keyOf } from './actor-groups';
import { MergedActors, type MergedTables } from './actor-merge';
import type { Actor } from './actor-summary';
import type { CoMention } from '../../source-store';
import { countCoMentions } from './co-mentions';
import { HONORIFICS } from '../../../mentions/name-lexicon';
import { nameKey } from '../../../mentions/name-key';

export type { Actor, ActorRoleSummary } from './actor-summary';
export type { MergedTables } from './actor-merge';

/**
 * The corpus-wide index of actors. Documents' actors group by name key (variants, diacritics, apostrophes);
 * groups merge by acronym, by surname (when one person has it or dominates) and by shorter forms of a full
 * name. Adding or removing a source updates running counts for its own actors only; the next read merges
 * only the keys those changes touched (see actor-merge.ts), so it costs what the change touched, not the corpus.
 */
export class ActorIndex implements UnitListener {
  private readonly state0 = new ActorGroups();
  private readonly merged = new MergedActors();

  unitAdded(unit: SourceUnit): void {
    this.state0.add(unit);
  }

  unitRemoved(unit: SourceUnit): void {
    this.state0.remove(unit);
  }

  /** The canonical actor of a document's actor. */
  canonical(unit: SourceUnit, localIndex: number): Actor | undefined {
    const actor = unit.actors.actors[localIndex];
    if (!actor || !this.state0.has(unit)) return undefined;
    return this.state().byKey(keyOf(actor));
  }

  /** The canonical actor with this name or alias (normalised; a leading honorific is ignored), if any. */
  findByName(name: string): Actor | undefined {
    const b = this.state();
    const hit = b.byAlias(nameKey(name));
    if (hit) return hit;
    const words = name.trim().split(/\s+/);
    if (words.length > 1 && HONORIFICS.has(words[0])) return b.byAlias(nameKey(words.slice(1).join(' ')));
    return undefined;
  }

  /** The actor whose alias is exactly this surface form, honouring case for short acronyms. */
  lookupForm(form: string): Actor | undefined {
    const b = this.state();
    const key = nameKey(form);
    const actor = b.byAlias(key);
    if (!actor) return undefined;
    const exact = b.caseSensitive.get(key);
    return exact && !exact.has(form.replace(/\u2019/g, "'")) ? undefined : actor;
  }

  /** Longest alias in words, for longest-match lookups in drafts. */
  get maxAliasWords(): number {
    return this.state().maxAliasWords;
  }

  byId(id: string): Actor | undefined {
    return this.state().byId(id);
  }

  /**
   * Merges pending changes for about `budgetMs` at most; true when none are left. For callers that slice long
   * work (a full build): merging between slices keeps the first read after the build from doing it all at once.
   */
  settle(budgetMs: number): boolean {
    return this.merged.refresh(this.state0, budgetMs);
  }

  /** Number of canonical actors (merges pending changes first, like every other read). */
  get size(): number {
    return this.state().size;
  }

  all(): IterableIterator<Actor> {
    return this.state().actors();
  }

  coMentioned(actor: Actor, limit: number): CoMention[] {
    return countCoMentions(actor, limit, (unit, local) => this.canonical(unit, local));
  }

  /** The running state (groups' tallies and owner tables): a persistent store saves it with the merged rows. */
  get running(): ActorGroups {
    return this.state0;
  }

  /** The merged state as rows, merged up to date first (a persistent store saves it). */
  tables(): MergedTables {
    return this.state().tables();
  }

  private state(): MergedActors {
    this.merged.refresh(this.state0);
    return this.merged;
  }
}
