/**
 * Link reference definitions (`[label]: target "title"`) written on one line, taken out before the Markdown
 * parse. Sourced reads nothing from them but their span (not prose), and micromark parses each one several
 * times over (as paragraph content, then as a definition), some eight times the cost of prose per character.
 * One linear pass over the lines finds them where CommonMark would (after a blank line or another
 * definition, never inside a paragraph) and blanks them to spaces of the same length.
 */

const DEFINITION_RE = /^ {0,3}\[(?!\^)[^\[\]\n]{1,999}\]:[ \t]*\S+(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\r?$/;

/** The text with one-line definitions blanked, and their spans. */
export function takeDefinitionLines(text: string): { text: string; spans: { start: number; end: number }[] } {
  const spans: { start: number; end: number }[] = [];
  const parts: string[] = [];
  let copied = 0;
  let previousOpen = true;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Definitions are short; a long line is never one (and is not worth a regex).
    const line = lineEnd - lineStart <= 2048 ? text.slice(lineStart, lineEnd) : '';
    const blank = line.trim() === '' && lineEnd - lineStart <= 2048;
    const definition: boolean = previousOpen && !blank && DEFINITION_RE.test(line);
    if (definition) {
      const end = line.endsWith('\r') ? lineEnd - 1 : lineEnd;
      spans.push({ start: lineStart, end });
      parts.push(text.slice(copied, lineStart), ' '.repeat(end - lineStart));
      copied = end;
    }
    previousOpen = blank || definition;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (spans.length === 0) return { text, spans };
  parts.push(text.slice(copied));
  return { text: parts.join(''), spans };
}
