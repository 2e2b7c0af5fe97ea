/**
 * Corpus text is untrusted: everything shown from it in hovers, completion
 * documentation and messages goes through these functions, so no HTML, link,
 * image or command URI from a source file reaches the editor.
 */

const MARKDOWN_SPECIAL = /[\\`*_{}\[\]()<>#+\-.!|~"'&$=:@%^]/g;

/** Escapes text for inline Markdown: every character with Markdown or HTML meaning is backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(MARKDOWN_SPECIAL, (c) => '\\' + c)
    .replace(/\r?\n|\r/g, ' ');
}

/** Removes control characters and collapses line breaks, for plain-text places (diagnostic messages, labels). */
export function plainText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens text to at most `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '') + '\u2026';
}

/** Wraps text in an inline code span whose fence is longer than any backtick run inside, so nothing breaks out. */
export function inlineCode(text: string): string {
  const clean = plainText(text);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}
