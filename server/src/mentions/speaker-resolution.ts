/**
 * Speaker resolution: a speaker mention (name, surname, title + surname, descriptor, pronoun, organisation,
 * unnamed source) resolved to the fullest name of a document actor, through the document's NameBook.
 */
import type { DocumentActor } from '../domain/actor-types';
import type { NameBook } from './speaker-names';
import type { SpeakerRef } from './speaker-phrases';
import { EVENT_WORDS, SOURCE_NOUNS, STOP_CAPS, TITLE_WORDS } from './speech-words';

/** A spokesperson named by the noun alone. */
const SPOKESPERSON_RE = /^spokes(?:man|woman|person)$/i;

const lastWord = (name: string): string => (/(\S+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** A speaker resolved: the name shown, the document actor it is (when the actor extractor knows it), and whether a person. */
export interface ResolvedSpeaker {
  name: string;
  actor: DocumentActor | null;
  person: boolean;
}

/** What resolution needs beyond the phrase: the document's names and the attribution history. */
export interface ResolveContext {
  book: NameBook;
  /** Offset before which a pronoun's antecedent must appear, and the earliest offset it may appear at. */
  at: number;
  from: number;
  /** Start of the quotation's paragraph: `the report said` takes an organisation that spoke since. */
  paragraphStart: number;
  /** The speaker of the previous quotation in the same sentence (for `and`, `who`, participles). */
  sameSentence: string | null;
  /** The most recent attributed speaker in reach, with where it was attributed. */
  lastSpeaker: { name: string; at: number; person: boolean } | null;
}

/**
 * Resolves a speaker mention to a document actor: the fullest name the document uses for it, or null when the
 * text does not say or the mention is no speaker (a place, an event).
 */
export function resolveSpeaker(ref: SpeakerRef, ctx: ResolveContext): ResolvedSpeaker | null {
  const name = nameOf(ref, ctx);
  if (!name) return null;
  // An event does not speak: `… after the Harbour Open` is no speaker, whatever the phrase reads as.
  if (ref.kind === 'name' && EVENT_WORDS.has(lastWord(name))) return null;
  const actor = ctx.book.actorNamed(name) ?? null;
  return { name: actor && actor.type !== 'person' ? actor.name : name, actor, person: ctx.book.isPerson(name) };
}

function nameOf(ref: SpeakerRef, ctx: ResolveContext): string | null {
  const { book } = ctx;
  switch (ref.kind) {
    case 'name': {
      const name = book.fullName(ref.text);
      if (!name || !/^\p{Lu}|^\p{Ll}+-\p{Lu}/u.test(name) || STOP_CAPS.has(name.toLowerCase()) || TITLE_WORDS.has(name.toLowerCase()))
        return null;
      return name;
    }
    case 'pronoun': {
      const last = ctx.lastSpeaker && ctx.lastSpeaker.at >= ctx.from && ctx.lastSpeaker.at < ctx.at ? ctx.lastSpeaker : null;
      if (ref.text === 'he' || ref.text === 'she') {
        // The nearest compatible person: `she` never goes to someone the document calls Mr or `he`.
        const gender = ref.text === 'he' ? 'm' : 'f';
        const subject = book.recentSubject(ctx.from, ctx.at, gender);
        const person = last?.person && book.fits(last.name, gender) ? last : null;
        if (person && (!subject || person.at >= subject.at)) return person.name;
        // No subject in reach: the person last named (`… Lee, 43 years a teacher, keeps …` then `he said`).
        return subject?.name ?? person?.name ?? book.recentPerson(ctx.from, ctx.at, false, gender)?.name ?? null;
      }
      // `it said` / `they said`: an organisation that spoke just before, or one acting as a subject since.
      const org = ref.text === 'it' ? book.recentOrganisation(ctx.from, ctx.at) : null;
      if (org && (!last || last.person || org.at > last.at)) return org.name;
      return last && !last.person ? last.name : null;
    }
    case 'descriptor':
      return describedActor(ref, ctx);
    case 'role':
      // `said the spokesman` right after `a spokesman for X said`: the same unnamed speaker.
      if (ctx.lastSpeaker && ctx.lastSpeaker.at >= ctx.from && new RegExp(`\\b${ref.role}\\b`, 'i').test(ctx.lastSpeaker.name))
        return ctx.lastSpeaker.name;
      // An unnamed spokesman stays an unnamed speaker (`the Acme spokesman`, `the prime minister's spokesman`);
      // "the minister" with no minister in sight is no one.
      // `the prime minister's spokesman` speaks for the owner the phrase names, not for another spokesman named before.
      if (SPOKESPERSON_RE.test(ref.role) && /^\p{Ll}[\p{L}\s]*['’]s\s/u.test(ref.text)) return ref.text;
      return (
        book.withRole(ref.role, ctx.at, bareRole(ref.text, ref.role)) ??
        (SOURCE_NOUNS.has(ref.role) && /\p{Lu}/u.test(ref.text) ? ref.text : null)
      );
    case 'unnamed': {
      const text = ref.text.replace(/^(?:the|a|an)\s+/i, '').trim();
      // `Acme says … But a spokesman said`: a spokesperson with no owner speaks for the organisation acting last.
      if (SPOKESPERSON_RE.test(text)) {
        const org = book.recentOrganisation(ctx.from, ctx.at);
        return org ? `${org.name} ${text}` : null;
      }
      // `a spokesman for Acme`: the owner after `for`; in `a Department for Work spokesman` the `for` is in the name.
      const forName = SOURCE_NOUNS.has(lastWord(text)) ? null : / for (.+)$/.exec(text);
      return (forName ? text.slice(0, forName.index) + ' for ' + book.fullName(forName[1]) : text) || null;
    }
    case 'inherit':
      return ctx.sameSentence;
    case 'object':
    case 'other':
      return null;
  }
}

/** The actor a definite description points back to: the nearest person, organisation, or issuer of a document. */
function describedActor(ref: Extract<SpeakerRef, { kind: 'descriptor' }>, ctx: ResolveContext): string | null {
  const { book, from, at } = ctx;
  if (ref.of === 'person') {
    // `the pop star` after `Singer X`: a person with that title first, else the person last named.
    const titled = book.withRole(ref.noun, at, true);
    return titled ?? book.recentPerson(from, at, true)?.name ?? null;
  }
  if (ref.of === 'organisation') {
    // `the magazine` after `Acme magazine`: the name the text gave that noun, else the organisation last acting.
    const named = book.namedWith(ref.noun, at);
    return (named ?? book.recentOrganisation(from, at) ?? book.recentOrganisation(from, at, true))?.name ?? null;
  }
  if (ref.of === 'study') {
    // `the report said`: the body the text says wrote it, else an organisation that spoke in this paragraph.
    const last = ctx.lastSpeaker;
    const spoke = last && !last.person && last.at >= ctx.paragraphStart && last.at < at ? last.name : null;
    // The study may have been introduced anywhere before: its noun anchors the search, not a pronoun's reach.
    return book.issuerOf(ref.noun, at, 0) ?? spoke;
  }
  // `The statement read`: whoever issued it, the organisation or person acting last.
  const org = book.recentOrganisation(from, at);
  const person = book.recentSubject(from, at);
  if (org && (!person || org.at > person.at)) return org.name;
  return person?.name ?? org?.name ?? null;
}

/** `the minister`, `minister`: the description is the role noun alone, with no modifier naming one office. */
export function bareRole(text: string, role: string): boolean {
  return (
    text
      .trim()
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, '') === role
  );
}
