/**
 * Scans back from the end of a text for what an end-anchored pattern would match. A pattern such as
 * `/[^.!?\n]*$/` is tried from every position of its input, so each call costs the square of the input's length; these
 * read each character once, from the end.
 */

/** What `/[^.!?\n]*$/` matches in text[from, to): everything after the last full stop, `!`, `?` or line break. */
export function afterLastStop(text: string, from: number, to: number): string {
  let i = to;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c === 46 || c === 33 || c === 63 || c === 10) break;
    i--;
  }
  return text.slice(i, to);
}

const isBlank = (c: number): boolean => c === 32 || c === 9;
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * What `/((?:[a-z]+[ \t]+){0,max})$/` captures in `text`: up to `max` lower-case ASCII words, each followed by spaces
 * or tabs, that end the text (the first of them may start inside a longer word, as the pattern allows).
 */
export function trailingLowerWords(text: string, max: number): string {
  let start = text.length;
  for (let n = 0; n < max; n++) {
    let i = start;
    while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
    if (i === start) break;
    let j = i;
    while (j > 0 && isAsciiLower(text.charCodeAt(j - 1))) j--;
    if (j === i) break;
    start = j;
  }
  return text.slice(start);
}
