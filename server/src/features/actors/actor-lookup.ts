/**
 * Finding actors in a draft's text: the longest run of words at a position that is a known name or alias
 * (one map lookup per candidate run), short acronyms only in capitals, other names only when capitalised.
 */
import { HONORIFICS } from '../../mentions/name-lexicon';
import type { Actor, ActorReads } from '../../store/source-store';

/** An actor named in a text, with the offsets of the name. */
export interface ActorSpan {
  actor: Actor;
  start: number;
  end: number;
}

interface Word {
  start: number;
  end: number;
}

const WORD_RE =
  /(?:\p{Lu}\.){2,}|(?:(?:al|el|Al|El)[-\u2010\u2011])?[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u02bc][\p{L}][\p{L}\p{M}]*)*/gu;
const POSSESSIVE_RE = /['\u2019\u02bc][sS]$/;
// Words of one name are joined by spaces, "&", an initial's dot, or a hyphen ("Lewis-Francis"); a possessive inside a
// name ("Women's Rowing Association") is looked up whole too (the longest known form wins).
const JOIN_RE = /^(?:(?:['\u2019][sS]?)?[ \t]+|[ \t]*&[ \t]*|\.[ \t]+|[-\u2010\u2011])$/;
/** How far around a hover position to look for a multi-word name. */
const WINDOW = 160;

function wordsIn(text: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; m = WORD_RE.exec(text)) {
    let end = m.index + m[0].length;
    if (POSSESSIVE_RE.test(m[0])) end -= 2;
    out.push({ start: m.index, end });
  }
  return out;
}

function joined(text: string, words: readonly Word[], a: number, b: number): boolean {
  for (let i = a + 1; i <= b; i++) if (!JOIN_RE.test(text.slice(words[i - 1].end, words[i].start))) return false;
  return true;
}

const PARTICLE_RE = /^(?:al|el)[-\u2010\u2011]/;
// "eBay": a lower-case letter before a capital counts as capitalised.
const startsUpper = (w: string): boolean => /^(?:\p{Lu}|\p{Ll}\p{Lu}\p{Ll})/u.test(w.replace(PARTICLE_RE, ''));

function match(index: ActorReads, text: string, words: readonly Word[], a: number, b: number): Actor | undefined {
  const first = text.slice(words[a].start, words[a].end);
  const last = text.slice(words[b].start, words[b].end);
  // Names are capitalised: "offensive" or "turkey" in lower case is not an actor.
  // "Acme Radio 4": a channel's number may end a name.
  if (!startsUpper(first) || !(startsUpper(last) || (b > a && /^\d{1,2}$/.test(last)))) return undefined;
  return index.lookupForm(text.slice(words[a].start, words[b].end));
}

/** The actor named at an offset (longest alias covering it), or null. */
export function actorAt(index: ActorReads, text: string, offset: number): ActorSpan | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, offset - WINDOW);
  const words = wordsIn(text, from, Math.min(lineEnd, offset + WINDOW));
  const at = words.findIndex((w) => offset >= w.start && offset <= w.end);
  if (at < 0) return null;
  const max = index.maxAliasWords;
  for (let n = Math.min(max + 1, words.length); n >= 1; n--) {
    for (let a = Math.max(0, at - n + 1); a <= at && a + n - 1 < words.length; a++) {
      const b = a + n - 1;
      if (!joined(text, words, a, b)) continue;
      const actor = match(index, text, words, a, b);
      if (actor) return { actor, start: words[a].start, end: words[b].end };
    }
  }
  // `Mr Lee`: on the honorific, the name after it.
  const next = words[at + 1];
  if (next && HONORIFICS.has(text.slice(words[at].start, words[at].end)) && joined(text, words, at, at + 1)) {
    const named = actorAt(index, text, next.start);
    if (named && named.start === next.start) return { ...named, start: words[at].start };
  }
  return null;
}

/** Every actor named in a text (greedy longest match, left to right). */
export function actorsIn(index: ActorReads, text: string, from = 0, to = text.length): ActorSpan[] {
  const words = wordsIn(text, from, to);
  const max = index.maxAliasWords;
  const out: ActorSpan[] = [];
  for (let a = 0; a < words.length;) {
    let hit: ActorSpan | null = null;
    for (let b = Math.min(words.length - 1, a + max); b >= a && !hit; b--) {
      if (!joined(text, words, a, b)) continue;
      const actor = match(index, text, words, a, b);
      if (actor) hit = { actor, start: words[a].start, end: words[b].end };
    }
    if (hit) {
      out.push(hit);
      a += 1 + words.slice(a).findIndex((w) => w.end === hit.end);
    } else a++;
  }
  return out;
}
