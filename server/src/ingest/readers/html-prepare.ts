/**
 * Cheap, linear clean-up of a saved page before it is parsed: scripts (except JSON-LD, which carries
 * metadata), styles, SVG, templates, noscript and comments are cut out, so the DOM is built from the
 * part of the page that can hold an article (saved news pages are often mostly inline script).
 */

/** Elements dropped with their content; `script` is handled apart because JSON-LD scripts stay. */
const DROPPED = ['style', 'svg', 'template', 'noscript', 'iframe', 'object', 'canvas'];

export interface PreparedHtml {
  html: string;
  /** The address a browser noted when it saved the page (`<!-- saved from url=(0042)https://… -->`). */
  savedFrom: string | null;
}

/** Finds `<name` at or after `from` as a tag start (not `<names…`), case-insensitively; -1 when none. */
function findTag(lower: string, name: string, from: number): number {
  let i = lower.indexOf('<' + name, from);
  while (i >= 0) {
    const next = lower.charCodeAt(i + 1 + name.length);
    // Tag name ends at whitespace, '>' or '/'.
    if (next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || Number.isNaN(next)) return i;
    i = lower.indexOf('<' + name, i + 1);
  }
  return -1;
}

/** Lower-cases ASCII letters only, so offsets stay those of the original text. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

/** Cuts every `<name …>…</name>` out of the text (an unclosed one runs to the end); `keep` may spare one. */
function cutElements(html: string, name: string, keep?: (openTag: string) => boolean): string {
  const lower = asciiLower(html);
  const parts: string[] = [];
  let pos = 0;
  let i = findTag(lower, name, 0);
  while (i >= 0) {
    const tagEnd = lower.indexOf('>', i);
    if (tagEnd < 0) break;
    const close = lower.indexOf('</' + name, tagEnd);
    const end = close < 0 ? html.length : Math.max(close, lower.indexOf('>', close) + 1);
    if (!keep?.(lower.slice(i, tagEnd + 1))) {
      parts.push(html.slice(pos, i));
      pos = end;
    }
    i = findTag(lower, name, end);
  }
  parts.push(html.slice(pos));
  return parts.join('');
}

/** Cuts `<!-- … -->` comments, noting a browser's `saved from url=` comment on the way. */
function cutComments(html: string): PreparedHtml {
  const parts: string[] = [];
  let savedFrom: string | null = null;
  let pos = 0;
  let i = html.indexOf('<!--');
  while (i >= 0) {
    const close = html.indexOf('-->', i + 4);
    const end = close < 0 ? html.length : close + 3;
    if (savedFrom === null) {
      const m = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html.slice(i, Math.min(end, i + 2100)));
      if (m) savedFrom = m[1] ?? null;
    }
    parts.push(html.slice(pos, i));
    pos = end;
    i = html.indexOf('<!--', end);
  }
  parts.push(html.slice(pos));
  return { html: parts.join(''), savedFrom };
}

/** The page without the parts that never hold article text. Linear in the page's length. */
export function prepareHtml(html: string): PreparedHtml {
  const { html: noComments, savedFrom } = cutComments(html);
  let out = cutElements(noComments, 'script', (open) => /type\s*=\s*["']?application\/ld\+json/.test(open));
  for (const name of DROPPED) out = cutElements(out, name);
  return { html: out, savedFrom };
}
