/**
 * Keys under which names are compared: the same key for "al-Rashid", "Al Rashid" and "Rashid", for
 * "Qur'an" and "Quran" (straight or curly), and for "Müller" and "Muller".
 */
import { normalizeForMatch } from '../text/normalize';

/** Name particles dropped from keys when they are not the whole name ("al-Rashid", "van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'la',
  'le',
]);

/** The merge key of a name: lower case, no diacritics, no apostrophes or dots, hyphens as spaces, no "al-". */
export function nameKey(name: string): string {
  let key = memo.get(name);
  if (key === undefined) {
    // Names repeat across a corpus (every country, every well-known person): compute each once.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(name, (key = computeKey(name)));
  }
  return key;
}

const MEMO_LIMIT = 100_000;
const memo = new Map<string, string>();

function computeKey(name: string): string {
  // Fast path: plain ASCII letters and single spaces (most names in news text).
  if (PLAIN_RE.test(name)) return dropParticles(name.toLowerCase().split(' '));
  const base = normalizeForMatch(name)
    .replace(/'s\b/g, '')
    .replace(/['`]/g, '')
    .replace(/\./g, '')
    .replace(/[-\u2010\u2011&]/g, ' ');
  return dropParticles(base.split(' ').filter(Boolean));
}

const PLAIN_RE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

function dropParticles(words: string[]): string {
  if (words.length === 1) return words[0];
  const kept = words.filter((w) => !NAME_PARTICLES.has(w));
  return (kept.length ? kept : words).join(' ');
}

/**
 * A looser key for one-word names spelt differently in transliteration ("Qadhafi" / "Kadafi",
 * "Faysal" / "Faisal"): used only to link a surname to a full name, never to merge full names.
 */
export function soundKey(name: string): string {
  let key = soundMemo.get(name);
  if (key === undefined) {
    if (soundMemo.size >= MEMO_LIMIT) soundMemo.clear();
    soundMemo.set(name, (key = computeSoundKey(name)));
  }
  return key;
}

const soundMemo = new Map<string, string>();

function computeSoundKey(name: string): string {
  return nameKey(name)
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/y/g, 'i')
    .replace(/ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(.)\1+/g, '$1');
}

/** Short all-capital aliases match only in capitals ("US", not "us"). */
export const isCaseSensitiveAlias = (alias: string): boolean => alias.length <= 5 && /^[\p{Lu}\d.&]+$/u.test(alias);
