/** Actors as one document sees them; the cross-document actor index merges them into canonical actors. */

export type ActorType = 'person' | 'organisation' | 'country' | 'place';

export interface ActorRole {
  /** The role as the text gives it, e.g. "Foreign Minister". */
  title: string;
  /** Country or organisation the role belongs to, when the text says, e.g. "Norway". */
  affiliation: string | null;
}

export interface ActorMention {
  start: number;
  end: number;
}

export interface DocumentActor {
  /** The fullest name the document uses, e.g. "Maria Lopez". */
  name: string;
  type: ActorType;
  /** Other surface forms in this document (surname, acronym, variants). */
  aliases: string[];
  roles: ActorRole[];
  /** Country or organisation the actor belongs to, when the text says. */
  affiliation: string | null;
  mentions: ActorMention[];
  /** Merge keys of `name` and of each alias (see name-key.ts), computed once at extraction. */
  keys?: { name: string; aliases: string[] };
  /** How sure the type is: the evidence behind it (0–1 a guess; 3 and up a title, honorific or table entry). */
  typeConfidence?: number;
}

export interface DocumentActors {
  actors: DocumentActor[];
}
