/**
 * Where a page's article lies, measured while the pre-pass writes the cleaned page (`html-prepare.ts`):
 * each element's span of output pieces and the paragraph text inside it. The region is the deepest
 * element holding most of the body's paragraph text, widened by a few ancestors so the headline, byline and
 * neighbouring blocks Readability may join stay in. Readability then builds and scores a DOM of that region
 * (with the head and the body's metadata) instead of the whole page: on saved news pages most elements are
 * navigation, teasers and footers it would score and drop anyway.
 */

/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements whose start closes an open `<p>` (HTML's implied end tag). */
const CLOSES_P = new Set(
  (
    'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header ' +
    'hgroup hr main menu nav ol p pre section table ul'
  ).split(' '),
);

/** Elements whose text counts as paragraph text (what Readability scores first). */
const PARAGRAPHS = new Set(['p', 'pre']);

/** Share of the body's paragraph text the region's core element must hold. */
const CORE_SHARE = 0.8;
/** Ancestors of the core element added to the region (headline, byline, blocks beside the article). */
const WIDEN = 2;
/** Below this much paragraph text the page is small and read whole. */
const MIN_TEXT = 1000;
/** A region above this share of the body's markup saves too little: the page is read whole. */
const MAX_SHARE = 0.7;
/** The words BYLINE_RE needs, tested first: most tags have none, and BYLINE_RE backtracks over each attribute. */
const BYLINE_WORD_RE = /byline|author|dateline|writtenby/i;
/** What Readability takes for a byline's element (its `_checkByline`: class or id, `rel`, `itemprop`). */
const BYLINE_RE =
  /\b(?:class|id)\s*=\s*["']?[^"'>]*(?:byline|author|dateline|writtenby|p-author)|\brel\s*=\s*["']?author|\bitemprop\s*=\s*["']?[^"'>]*author/i;
/** Largest byline element (in characters of markup) carried beside the region, and how many. */
const BYLINE_MAX_CHARS = 3000;
const BYLINES_MAX = 8;

/** How far down the open elements a closing tag looks for its element (keeps the pass linear). */
const CLOSE_SEARCH = 64;

interface Span {
  name: string;
  /** Index of the opening tag's piece. */
  start: number;
  /** Index just past the closing tag's piece. */
  end: number;
  text: number;
  depth: number;
  parent: number;
  /** The element looks like a byline to Readability. */
  byline: boolean;
}

/** Writes the cleaned page's pieces and measures its elements (see the file comment). */
export class RegionTracker {
  private readonly spans: Span[] = [];
  private readonly stack: number[] = [];
  private readonly bodyMetadata: number[] = [];
  private body = -1;
  private inParagraph = 0;
  /** Index of the last text piece written. */
  private lastText = -1;

  constructor(private readonly out: string[]) {}

  /** Text between tags. */
  text(text: string): void {
    this.lastText = this.out.length;
    this.out.push(text);
    const top = this.stack[this.stack.length - 1];
    if (this.inParagraph > 0 && top !== undefined) this.spans[top].text += text.trim().length;
  }

  /** White space joined to the last text written (or dropped before any): no node of its own in the DOM. */
  extendText(space: string): void {
    if (this.lastText >= 0) this.out[this.lastText] += space;
  }

  /** Metadata written where it stands (JSON-LD), kept with the region wherever it stands in the body. */
  metadata(piece: string): void {
    if (this.body >= 0) this.bodyMetadata.push(this.out.length);
    this.out.push(piece);
  }

  /** An opening tag. */
  open(name: string, tag: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) {
      const open = this.spans[top].name;
      if ((open === 'p' && CLOSES_P.has(name)) || (open === 'li' && name === 'li')) this.popTo(this.stack.length - 1);
    }
    if (name === 'meta' && this.body >= 0) this.bodyMetadata.push(this.out.length);
    this.out.push(tag);
    // A `/>` on an element that is not void is ignored by HTML parsers: the element stays open.
    if (VOID.has(name)) return;
    if (name === 'body' && this.body < 0) this.body = this.spans.length;
    if (PARAGRAPHS.has(name)) this.inParagraph++;
    const parent = this.stack[this.stack.length - 1] ?? -1;
    this.stack.push(this.spans.length);
    this.spans.push({
      name,
      start: this.out.length - 1,
      end: -1,
      text: 0,
      depth: this.stack.length,
      parent,
      byline: BYLINE_WORD_RE.test(tag) && BYLINE_RE.test(tag),
    });
  }

  /** A closing tag. */
  close(name: string): void {
    this.out.push(`</${name}>`);
    const floor = Math.max(0, this.stack.length - CLOSE_SEARCH);
    for (let i = this.stack.length - 1; i >= floor; i--) {
      if (this.spans[this.stack[i]].name === name) {
        this.popTo(i);
        return;
      }
    }
  }

  /** Closes the open elements from the top down to stack index `level`. */
  private popTo(level: number): void {
    while (this.stack.length > level) {
      const index = this.stack.pop() ?? -1;
      const span = this.spans[index];
      span.end = this.out.length;
      if (PARAGRAPHS.has(span.name)) this.inParagraph--;
      if (span.parent >= 0) this.spans[span.parent].text += span.text;
    }
  }

  /** The head, the region and the body's metadata as one page; null when the page is better read whole. */
  region(): string | null {
    this.popTo(0);
    const body = this.spans[this.body];
    if (!body || body.text < MIN_TEXT) return null;
    let core = -1;
    for (let i = this.body + 1; i < this.spans.length; i++) {
      const s = this.spans[i];
      if (s.text >= CORE_SHARE * body.text && (core < 0 || s.depth > this.spans[core].depth)) core = i;
    }
    if (core < 0) return null;
    const size = (from: number, to: number): number => {
      let n = 0;
      for (let i = from; i < to; i++) n += this.out[i].length;
      return n;
    };
    // Widened as far as WIDEN ancestors while the region stays under MAX_SHARE of the body's markup.
    const limit = MAX_SHARE * size(body.start, body.end);
    if (size(this.spans[core].start, this.spans[core].end) > limit) return null;
    for (let k = 0; k < WIDEN && this.spans[core].parent > this.body; k++) {
      const parent = this.spans[this.spans[core].parent];
      if (size(parent.start, parent.end) > limit) break;
      core = this.spans[core].parent;
    }
    const region = this.spans[core];
    const outside = this.bodyMetadata.filter((i) => i < region.start || i >= region.end).map((i) => this.out[i]);
    return [
      ...this.out.slice(0, body.start + 1),
      ...this.bylines(body.start, region.start, size),
      ...this.out.slice(region.start, region.end),
      ...this.bylines(region.end, body.end, size),
      ...outside,
      '</body></html>',
    ].join('');
  }

  /**
   * The pieces of byline-like elements between two pieces, in page order: Readability takes the page's first
   * byline, which may stand above the article's region (a header) or, if the region has none, below it.
   */
  private bylines(from: number, to: number, size: (a: number, b: number) => number): string[] {
    const pieces: string[] = [];
    let taken = 0;
    let after = from;
    for (const s of this.spans) {
      if (taken >= BYLINES_MAX || s.start >= to) break;
      if (!s.byline || s.start < after || s.end > to || size(s.start, s.end) > BYLINE_MAX_CHARS) continue;
      pieces.push(...this.out.slice(s.start, s.end));
      after = s.end;
      taken++;
    }
    return pieces;
  }
}
