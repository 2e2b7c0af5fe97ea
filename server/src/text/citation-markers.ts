/**
 * Citation markers in Markdown text: footnote calls `[^key]` and Pandoc citations `[@key; see @other, p. 2]`.
 * One definition for every pass over a draft. Each pattern's body excludes `[` (and the key part of a Pandoc
 * citation cannot backtrack over earlier `@`), so the scans that start at different `[` never overlap and a
 * pass over a text is linear however many unmatched brackets, carets or `@` it holds.
 */

/** A footnote call `[^key]` (not a definition `[^key]:`); group 1 is the key. */
export const FOOTNOTE_REF_RE = /\[\^([^\[\]\s]+)\](?!:)/g;
/** A bracketed Pandoc citation holding at least one `@key`; group 1 is the inside. */
export const PANDOC_CITE_RE = /\[((?:[^\[\]\n@]|@(?![\p{L}\p{N}_]))*@[\p{L}\p{N}_][^\[\]\n]*)\]/gu;
/** One `@key` inside a Pandoc citation; group 1 is the key. */
export const PANDOC_KEY_RE = /(?:^|[\s;\[-])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])/gu;
/** Any citation marker (footnote call or bracket holding an `@`), for removing markers from a sentence. */
export const CITATION_MARKER_RE = /\[(?:\^[^\[\]\s]+|[^\[\]\n@]*@[^\[\]\n]*)\]/g;
/** The same, anchored at `lastIndex` (a marker right after a sentence's final punctuation). */
export const CITATION_MARKER_AT_RE = /\[(?:\^[^\[\]\s]+|[^\[\]\n@]*@[^\[\]\n]*)\]/y;

export interface MarkerMatch {
  start: number;
  end: number;
  kind: 'footnote' | 'pandoc';
  keys: string[];
}

/** The citation markers of text[from, to), in text order. */
export function citationMarkers(text: string, from = 0, to = text.length): MarkerMatch[] {
  const slice = text.slice(from, to);
  const out: MarkerMatch[] = [];
  for (const m of slice.matchAll(FOOTNOTE_REF_RE)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'footnote', keys: [m[1]!] });
  }
  for (const m of slice.matchAll(PANDOC_CITE_RE)) {
    if (m[1]!.startsWith('^')) continue;
    const keys = [...m[1]!.matchAll(PANDOC_KEY_RE)].map((k) => k[1]!);
    if (keys.length) out.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'pandoc', keys });
  }
  return out.sort((a, b) => a.start - b.start);
}
