/**
 * Cheap, linear clean-up of a saved page before it is parsed. The DOM (linkedom) costs about the same for
 * every node and attribute it builds, and Readability walks them all several times, so the page is cut
 * down first to what can hold an article or its metadata:
 *  - scripts (except JSON-LD, which carries metadata), styles, SVG, templates, noscript, frames, form fields
 *    and comments are cut out with their content;
 *  - `<link>` elements other than the canonical address are dropped;
 *  - attributes are kept only where Readability or the metadata reader reads them (`html-attributes.ts`).
 * The same pass measures where the page's paragraph text lies (`html-region.ts`), so the reader can hand
 * Readability the part of the body that holds the article instead of the whole page.
 * Navigation, asides and footers stay: Readability reads bylines from them.
 */
import { filterAttributes } from './html-attributes';
import { RegionTracker } from './html-region';

/** Elements dropped with their content. */
const DROPPED = new Set(['script', 'style', 'svg', 'template', 'noscript', 'iframe', 'object', 'canvas', 'textarea', 'select', 'map']);

/**
 * Elements at whose tags white space is not rendered (block boundaries, table structure, the head). White space
 * between two such tags (`<div>⏎␣␣<p>`, `</li>⏎</ul>`) is not made a node of its own when the text kept before
 * it already ends in white space: it is appended to that text instead. On saved pages such runs are about a
 * third of all DOM nodes, each built, walked and scored for nothing. Every element's trimmed `textContent`
 * stays the same (Readability reads it, and even its length: a byline over 100 characters of indentation is
 * no byline): an element holding the run and the text before it holds the same characters in the same order,
 * and for any other element the run was leading or trailing white space. `pre` is not in the list.
 */
const BLOCK_BOUNDARY = new Set(
  (
    'html head body title meta link base div p section article main header footer nav aside ul ol li dl dt dd ' +
    'table caption colgroup col thead tbody tfoot tr td th h1 h2 h3 h4 h5 h6 blockquote figure figcaption form ' +
    'fieldset legend address details summary hgroup hr script style noscript template svg iframe'
  ).split(' '),
);

const BLANK_RE = /^\s*$/;

/** A tag's or comment's start: `<!--`, `<!…`/`<?…`, or `<name` / `</name`. */
const TAG_START_RE = /<(?:(!--)|([!?])|(\/?)([A-Za-z][^\s/>]*))/g;

export interface PreparedHtml {
  /** The whole page, cleaned (joined on demand: most pages are read by their region only). */
  html(): string;
  /** The head, the body's part that holds most paragraph text, and the body's metadata; null when that is most of the page. */
  region: string | null;
  /** The address a browser noted when it saved the page (`<!-- saved from url=(0042)https://… -->`). */
  savedFrom: string | null;
}

/** The index just past the `>` that ends a tag whose attributes start at `from` (quoted `>` skipped). */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return i + 1;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = html.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return html.length;
      i = close;
    }
  }
  return html.length;
}

/** The closing-tag patterns of the dropped elements, made once. */
const CLOSE_RES = new Map<string, RegExp>();

/** The end of the element `name` whose content starts at `from` (an unclosed one runs to the end). */
function closeOf(html: string, name: string, from: number): number {
  let close = CLOSE_RES.get(name);
  if (!close) CLOSE_RES.set(name, (close = new RegExp(`</${name}\\s*>`, 'gi')));
  close.lastIndex = from;
  const m = close.exec(html);
  return m ? m.index + m[0].length : html.length;
}

/** The saved-from address in a comment, if it is the browser's note. */
function savedFromOf(comment: string): string | null {
  return /saved from url=\(\d+\)(\S+?)\s*-->/.exec(comment)?.[1] ?? null;
}

function isJsonLd(name: string, attrs: string): boolean {
  return name === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(attrs);
}

/** An opening tag with only the attributes that are read, or null for an element dropped on its own. */
function keptOpenTag(name: string, attrs: string, selfClosing: boolean): string | null {
  if (name === 'link' && !/rel\s*=\s*["']?canonical/i.test(attrs)) return null;
  return `<${name}${filterAttributes(name, attrs)}${selfClosing ? ' /' : ''}>`;
}

/** The page without the parts that never hold article text or metadata. Linear in the page's length. */
export function prepareHtml(html: string): PreparedHtml {
  const out: string[] = [];
  const region = new RegionTracker(out);
  let savedFrom: string | null = null;
  let pos = 0;
  // Whether the last tag met stands at a block boundary (see BLOCK_BOUNDARY), and whether the text kept last
  // ends in white space.
  let afterBoundary = false;
  let spaced = true;
  const flushText = (end: number, beforeBoundary: boolean): void => {
    if (end <= pos) return;
    const text = html.slice(pos, end);
    const blank = BLANK_RE.test(text);
    if (blank && spaced && afterBoundary && beforeBoundary) {
      region.extendText(text);
      return;
    }
    region.text(text);
    spaced = blank || /\s$/.test(text);
  };
  const re = new RegExp(TAG_START_RE.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const start = m.index;
    const name = (m[4] ?? '').toLowerCase();
    const boundary = BLOCK_BOUNDARY.has(name);
    flushText(start, boundary);
    afterBoundary = boundary;
    if (m[1]) {
      const close = html.indexOf('-->', start + 4);
      const end = close < 0 ? html.length : close + 3;
      savedFrom ??= savedFromOf(html.slice(start, Math.min(end, start + 2100)));
      pos = re.lastIndex = end;
      continue;
    }
    const attrsFrom = start + m[0].length;
    const end = tagEnd(html, attrsFrom);
    pos = re.lastIndex = end;
    if (m[2]) {
      // A doctype, CDATA or processing instruction: kept as it is.
      out.push(html.slice(start, end));
      continue;
    }
    if (m[3] === '/') {
      region.close(name);
      continue;
    }
    const attrs = html.slice(attrsFrom, html.charCodeAt(end - 1) === 62 ? end - 1 : end);
    const selfClosing = attrs.trimEnd().endsWith('/');
    const jsonLd = isJsonLd(name, attrs);
    if (DROPPED.has(name) && !jsonLd) {
      if (!selfClosing) pos = re.lastIndex = closeOf(html, name, end);
      continue;
    }
    if (jsonLd) {
      // JSON-LD's content is script text: copied as it is, never scanned for tags.
      pos = re.lastIndex = closeOf(html, name, end);
      region.metadata(`<script type="application/ld+json">${html.slice(end, pos)}`);
      continue;
    }
    const tag = keptOpenTag(name, attrs, selfClosing);
    if (tag !== null) region.open(name, tag);
  }
  flushText(html.length, false);
  return { html: () => out.join(''), region: region.region(), savedFrom };
}
