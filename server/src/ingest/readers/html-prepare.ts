/**
 * Cheap, linear clean-up of a saved page before it is parsed: scripts (except JSON-LD, which carries
 * metadata), styles, SVG, templates, noscript, frames and comments are cut
 * out, so the DOM is built from the part of the page that can hold an article (saved news pages are often
 * mostly inline script). Navigation, asides and footers stay: Readability reads bylines from them.
 */

/** Elements dropped with their content. */
const DROPPED = ['script', 'style', 'svg', 'template', 'noscript', 'iframe', 'object', 'canvas'];

/** Where a comment or a dropped element starts; one pass over the page finds them all. */
const START_RE = new RegExp(`<!--|<(${DROPPED.join('|')})(?=[\\s/>])([^>]*)>`, 'gi');

export interface PreparedHtml {
  html: string;
  /** The address a browser noted when it saved the page (`<!-- saved from url=(0042)https://… -->`). */
  savedFrom: string | null;
}

/** The end of a comment or element opened at `from` (an unclosed one runs to the end of the page). */
function endOf(html: string, name: string | undefined, from: number): number {
  if (!name) {
    const close = html.indexOf('-->', from);
    return close < 0 ? html.length : close + 3;
  }
  const close = new RegExp(`</${name}\\s*>`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

/** The page without the parts that never hold article text. Linear in the page's length. */
export function prepareHtml(html: string): PreparedHtml {
  const parts: string[] = [];
  let savedFrom: string | null = null;
  let pos = 0;
  const re = new RegExp(START_RE.source, START_RE.flags);
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[1]?.toLowerCase();
    const end = endOf(html, name, m.index + m[0].length);
    if (!name && savedFrom === null)
      savedFrom = /saved from url=\(\d+\)(\S+?)\s*-->/.exec(html.slice(m.index, Math.min(end, m.index + 2100)))?.[1] ?? null;
    // JSON-LD stays: Readability and the metadata reader take the title, author and date from it.
    const keep = name === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(m[2] ?? '');
    if (!keep) {
      parts.push(html.slice(pos, m.index));
      pos = end;
    }
    re.lastIndex = end;
  }
  parts.push(html.slice(pos));
  return { html: parts.join(''), savedFrom };
}
