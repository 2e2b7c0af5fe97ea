/**
 * One-line definitions taken out before the Markdown parse: link reference definitions (`[label]: target
 * "title"`) and footnote definitions (`[^key]: text` with a blank line or the end after it). Sourced reads
 * nothing from them but their span and a footnote's text, and micromark spends some eight times the cost of
 * prose per character on them (a definition is parsed as paragraph content, then again as a definition; a
 * footnote definition is a container whose close re-walks the open events). One linear pass over the lines
 * finds them where CommonMark would (after a blank line or another definition, never inside a paragraph) and
 * blanks them to spaces of the same length. Definitions that run over several lines are left to the parser.
 */
import type { FootnoteDefinition, Span } from './draft-document';

const DEFINITION_RE = /^ {0,3}\[(?!\^)[^\[\]\n]{1,999}\]:[ \t]*\S+(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\r?$/;
const FOOTNOTE_RE = /^ {0,3}\[\^([^\]\s]{1,999})\]:[ \t]*(\S.*?)[ \t]*\r?$/;
/** Definitions are short; a longer line is never taken out (and is not worth a regex). */
const MAX_LINE = 2048;

/** The text with one-line definitions blanked, their spans, and the footnote definitions among them. */
export function takeDefinitionLines(text: string): { text: string; spans: Span[]; footnotes: FootnoteDefinition[] } {
  const spans: Span[] = [];
  const footnotes: FootnoteDefinition[] = [];
  const parts: string[] = [];
  let copied = 0;
  let previousOpen = true;
  let lineStart = 0;
  const take = (start: number, end: number): void => {
    spans.push({ start, end });
    parts.push(text.slice(copied, start), ' '.repeat(end - start));
    copied = end;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = lineEnd - lineStart <= MAX_LINE ? text.slice(lineStart, lineEnd) : '';
    const blank = line.trim() === '' && lineEnd - lineStart <= MAX_LINE;
    const end = line.endsWith('\r') ? lineEnd - 1 : lineEnd;
    let definition: boolean = previousOpen && !blank && DEFINITION_RE.test(line);
    if (definition) take(lineStart, end);
    else if (previousOpen && !blank && nextLineBlank(text, lineEnd)) {
      // A footnote's text may continue on the next line (lazily or indented): only a blank line or the end closes it here.
      const m = FOOTNOTE_RE.exec(line);
      if (m) {
        definition = true;
        take(lineStart + line.indexOf('['), end);
        // The identifier as mdast gives it (micromark's normalizeIdentifier, then lower case); labels hold no spaces.
        footnotes.push({ start: lineStart + line.indexOf('['), end, key: m[1].toLowerCase().toUpperCase().toLowerCase(), text: m[2] });
      }
    }
    previousOpen = blank || definition;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  if (spans.length === 0) return { text, spans, footnotes };
  parts.push(text.slice(copied));
  return { text: parts.join(''), spans, footnotes };
}

/** True when the line after the one ending at `lineEnd` is blank or there is none. */
function nextLineBlank(text: string, lineEnd: number): boolean {
  if (lineEnd >= text.length) return true;
  for (let i = lineEnd + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
