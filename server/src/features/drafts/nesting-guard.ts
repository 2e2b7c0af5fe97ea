/**
 * Bounds container nesting before the Markdown parser sees a draft. micromark re-checks every open container
 * (block quote, list item) on each line and the tree it builds is as deep as the nesting, so `> > > …` or
 * `- - - …` ten thousand times over takes seconds and a recursion that deep. No report nests deeper than a
 * few levels: past MAX_DEPTH markers on a line, or a marker indented past MAX_INDENT columns, the marker is
 * replaced by spaces of the same length. Offsets stay valid, the pass is linear, and the rest of the line
 * becomes continuation text (or indented code) of the deepest container kept.
 */

/** Container markers kept per line (reports nest lists a few levels deep; each level costs the parser a pass). */
export const MAX_DEPTH = 8;
/** Indentation (columns) past which a list marker no longer opens a container. */
export const MAX_INDENT = 32;

const SPACE = 32;
const TAB = 9;
const GT = 62;

function isLineEnd(c: number): boolean {
  return c === 10 || c === 13;
}

/** Length of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `at` followed by a space, tab or line end; 0 if none. */
function listMarker(text: string, at: number): number {
  const c = text.charCodeAt(at);
  let j = at;
  if (c === 45 || c === 42 || c === 43) j++;
  else {
    while (j - at < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j === at) return 0;
    const d = text.charCodeAt(j);
    if (d !== 46 && d !== 41) return 0;
    j++;
  }
  const after = text.charCodeAt(j);
  return after === SPACE || after === TAB || Number.isNaN(after) || isLineEnd(after) ? j - at : 0;
}

/** The text with container markers past the bounds blanked (same length), and whether anything was blanked. */
export function boundNesting(text: string): { text: string; changed: boolean } {
  let parts: string[] | null = null;
  let copied = 0;
  let i = 0;
  const blank = (from: number, length: number): void => {
    parts ??= [];
    parts.push(text.slice(copied, from), ' '.repeat(length));
    copied = from + length;
  };
  while (i < text.length) {
    // One line: walk its container prefix.
    let depth = 0;
    let column = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) {
        column++;
        i++;
        continue;
      }
      if (c === TAB) {
        column += 4 - (column % 4);
        i++;
        continue;
      }
      const length = c === GT ? 1 : listMarker(text, i);
      if (length === 0) break;
      depth++;
      if (depth > MAX_DEPTH || (c !== GT && column > MAX_INDENT)) blank(i, length);
      column += length;
      i += length;
    }
    while (i < text.length && !isLineEnd(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    i++;
  }
  if (parts === null) return { text, changed: false };
  const done: string[] = parts;
  done.push(text.slice(copied));
  return { text: done.join(''), changed: true };
}
