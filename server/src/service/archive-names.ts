/** Candidate actor name keys at a hover position: every run of capitalised words through the word under the cursor. */
import { nameKey } from '../mentions/name-key';

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}.'\u2019-]*/gu;
const WINDOW = 120;
const MAX_WORDS = 4;

/** A capitalised word run covering a position: its name key and offsets. */
export interface NameRun {
  key: string;
  start: number;
  end: number;
}

/** Name keys of the capitalised word runs (up to four words) that cover `offset` in `text`. */
export function nameKeysAt(text: string, offset: number): string[] {
  return [...new Set(nameRunsAt(text, offset).map((r) => r.key))];
}

/** The capitalised word runs (up to four words) that cover `offset` in `text`, with their name keys. */
export function nameRunsAt(text: string, offset: number): NameRun[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const from = Math.max(lineStart, offset - WINDOW);
  const to = Math.min(nl < 0 ? text.length : nl, offset + WINDOW);
  const words: { start: number; end: number; text: string }[] = [];
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; m = WORD_RE.exec(text)) {
    const w = m[0].replace(/['\u2019]s$/, '').replace(/[.'\u2019-]+$/, '');
    words.push({ start: m.index, end: m.index + m[0].length, text: w });
  }
  const at = words.findIndex((w) => offset >= w.start && offset <= w.end);
  const runs: NameRun[] = [];
  if (at < 0) return runs;
  const upper = (i: number): boolean => /^\p{Lu}/u.test(words[i]?.text ?? '');
  const adjacent = (i: number): boolean => /^[ \t]+$/.test(text.slice(words[i - 1].end, words[i].start));
  for (let a = Math.max(0, at - MAX_WORDS + 1); a <= at; a++) {
    for (let b = at; b < words.length && b - a < MAX_WORDS; b++) {
      let ok = upper(a) && upper(b);
      for (let i = a + 1; ok && i <= b; i++) ok = adjacent(i);
      if (!ok) continue;
      const key = nameKey(
        words
          .slice(a, b + 1)
          .map((w) => w.text)
          .join(' '),
      );
      if (key) runs.push({ key, start: words[a].start, end: words[b].start + words[b].text.length });
    }
  }
  return runs;
}
