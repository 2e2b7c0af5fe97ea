/**
 * Splits a draft into runs of whole top-level blocks that can be parsed separately. micromark re-walks the
 * events of the whole document when a container (list item, block quote, footnote definition) closes, so
 * thousands of containers cost quadratic time; parsing runs of at most about CHUNK_CHARS characters bounds that
 * to linear. The pass is one linear walk over the lines.
 *
 * A cut is made only where CommonMark would start a new top-level block anyway: after a blank line, before a
 * line that starts at column 0 with something other than a space (outside fenced code and the HTML blocks that
 * may hold blank lines), before a bullet, `1.` or `>` marker at column 0 (each interrupts a paragraph), or
 * between two definition lines.
 * Reference definitions and emphasis do not cross blocks in what Sourced reads, so nothing is lost by the cut.
 */

/** Target size of a chunk; a chunk is cut at the first allowed point past it. */
export const CHUNK_CHARS = 4096;
/**
 * Hard limit: past it a chunk is cut even where no block starts (inside a paragraph, list or code block, or
 * inside a line at a space), so one parse step stays short and a request on another draft waits at most one
 * step. Only text that no writer types reaches it (an 8 kB paragraph is some 1,300 words).
 */
export const MAX_CHUNK_CHARS = 8192;

/** HTML block starts (CommonMark kinds 1–5) that run past blank lines, with the text that ends them. */
const HTML_BLOCKS: [RegExp, string][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, ''],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];
const RAW_END_RE = /<\/(?:script|pre|style|textarea)>/i;
const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const INTERRUPTS_RE = /^(?:[-*+](?:[ \t]|$)|1[.)](?:[ \t]|$)|>)/;
/** A link reference or footnote definition line: after another one, a new one starts a new block. */
const DEFINITION_RE = /^ {0,3}\[[^\]]{1,60}\]:/;

/** True when the line ends the open HTML block (`end` is '' for the raw-text kind). */
function endsHtml(line: string, end: string): boolean {
  return end === '' ? RAW_END_RE.test(line) : line.includes(end);
}

/** Where front matter (`---` or `+++` on the first line) ends, or 0: no cut falls inside it. */
function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = new RegExp(`^${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*\\r?$`, 'm');
  const m = close.exec(text.slice(open[0].length));
  return m ? open[0].length + m.index + m[0].length : text.length;
}

/** Offsets where the draft may be cut into separately parsed chunks (the first is 0, the last is text.length). */
export function blockChunks(text: string, target = CHUNK_CHARS): number[] {
  const cuts = [0];
  let fence: string | null = null;
  let html: string | null = null;
  let previousBlank = true;
  let previousDefinition = false;
  let lineStart = 0;
  const noCutBefore = frontMatterEnd(text);
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Long lines are only looked at through their first 64 characters: every test below is about the line start,
    // except the ends of fences and HTML blocks.
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 64));
    const inBlock = fence !== null || html !== null;
    if (lineStart - cuts[cuts.length - 1] >= MAX_CHUNK_CHARS) cuts.push(lineStart);
    // A line longer than the limit is cut inside, at a space near each limit if there is one.
    while (lineEnd - cuts[cuts.length - 1] > MAX_CHUNK_CHARS) {
      const at = cuts[cuts.length - 1] + MAX_CHUNK_CHARS;
      const space = text.indexOf(' ', at);
      const low = text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff;
      cuts.push(space >= 0 && space < Math.min(lineEnd, at + 256) ? space + 1 : low ? at + 1 : at);
    }
    if (!inBlock && lineStart >= noCutBefore && lineStart - cuts[cuts.length - 1] >= target) {
      const c = head.charCodeAt(0);
      const startsAtZero = head.length > 0 && c !== 32 && c !== 9 && c !== 13;
      const definition = previousDefinition && DEFINITION_RE.test(head);
      if ((previousBlank && startsAtZero) || INTERRUPTS_RE.test(head) || definition) cuts.push(lineStart);
    }
    if (fence !== null) {
      const m = FENCE_RE.exec(head);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && text.slice(lineStart + m[0].length, lineEnd).trim() === '')
        fence = null;
    } else if (html !== null) {
      if (endsHtml(text.slice(lineStart, lineEnd), html)) html = null;
    } else {
      const m = FENCE_RE.exec(head);
      if (m?.[1]) fence = m[1];
      else {
        const kind = HTML_BLOCKS.find(([re]) => re.test(head));
        if (kind && !endsHtml(text.slice(lineStart + 2, lineEnd), kind[1])) html = kind[1];
      }
    }
    previousBlank = text.slice(lineStart, lineEnd).trim() === '';
    previousDefinition = !inBlock && DEFINITION_RE.test(head);
    lineStart = lineEnd + 1;
  }
  cuts.push(text.length);
  return cuts;
}
