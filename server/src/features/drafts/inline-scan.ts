/**
 * The inline Markdown a draft check needs, found in one linear pass per block: code spans, raw HTML (and its
 * comments), autolinks and inline links `[text](target)`.
 *
 * Why not micromark's own inline constructs: they are super-linear on adversarial input (emphasis and link
 * resolution rescan earlier openers, an unclosed code span or comment rescans to the end, reference lookups
 * scan every definition), and Sourced needs none of emphasis or reference links. Every scan here stops at a
 * character it cannot contain (the next `<`, `(`, `[`, or a closer looked up once and remembered), so the
 * regions scanned from different starts are disjoint and the whole pass is linear in the block.
 */

export interface InlineSpan {
  start: number;
  end: number;
}

export interface InlineScan {
  /** Code spans and raw HTML: not prose. */
  excluded: InlineSpan[];
  /** HTML comments `<!-- … -->` with their inner text trimmed. */
  comments: (InlineSpan & { text: string })[];
  /** Inline links and autolinks with their target. */
  links: (InlineSpan & { target: string })[];
}

const BACKTICK = 96;
const BACKSLASH = 92;
const LT = 60;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BANG = 33;

// Sticky patterns, each unable to run past a `<` (so scans from different `<` never overlap).
const AUTOLINK_RE = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/y;
const EMAIL_AUTOLINK_RE =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const TAG_RE = /<\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>/y;
const DECLARATION_RE = /<(?:\?[^<>]*\?|![A-Za-z][^<>]*)>/y;
// `(target "title")`: the target cannot hold `(`, `)`, `<`, `>` or spaces, a title no quote of its kind; the
// lookahead-and-backreference makes the whitespace runs atomic (no backtracking over long runs of spaces).
const DESTINATION_RE = /\((?=(\s*))\1(?:<([^<>\n]*)>|([^\s()<>]*))(?=(\s*))\4(?:(?:"[^"]*"|'[^']*'|\([^()]*\))(?=(\s*))\5)?\)/y;

/** Remembers the next occurrence of a needle after a position, so repeated lookups move only forward. */
class NextIndex {
  private at = -1;
  private found = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
    private readonly end: number,
  ) {}

  /** The first occurrence at or after `from` that ends before the block end, or -1. */
  from(from: number): number {
    if (this.found === -1 && this.at >= 0 && this.at <= from) return -1;
    if (this.found >= from) return this.found;
    this.at = from;
    const i = this.text.indexOf(this.needle, from);
    this.found = i >= 0 && i + this.needle.length <= this.end ? i : -1;
    return this.found;
  }
}

/** Backtick runs of a block by length, each list in text order, consumed front to back. */
class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();
  private readonly next = new Map<number, number>();

  constructor(text: string, start: number, end: number) {
    for (let i = start; i < end;) {
      if (text.charCodeAt(i) !== BACKTICK) {
        i++;
        continue;
      }
      let j = i;
      while (j < end && text.charCodeAt(j) === BACKTICK) j++;
      const list = this.byLength.get(j - i) ?? [];
      list.push(i);
      this.byLength.set(j - i, list);
      i = j;
    }
  }

  /** The start of the first run of exactly `length` backticks at or after `from`, or -1. */
  closer(length: number, from: number): number {
    const list = this.byLength.get(length);
    if (!list) return -1;
    let k = this.next.get(length) ?? 0;
    while (k < list.length && list[k] < from) k++;
    this.next.set(length, k);
    return k < list.length ? list[k] : -1;
  }
}

function runLength(text: string, at: number, end: number, code: number): number {
  let j = at;
  while (j < end && text.charCodeAt(j) === code) j++;
  return j - at;
}

/** Scans text[start, end) (one paragraph or heading) for code spans, raw HTML, comments and links. */
export function scanInline(text: string, start: number, end: number): InlineScan {
  const out: InlineScan = { excluded: [], comments: [], links: [] };
  const runs = new BacktickRuns(text, start, end);
  const commentEnd = new NextIndex(text, '-->', end);
  /** Open brackets not yet matched: offset, and whether it is an image `![`. */
  const openers: { at: number; image: boolean }[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
    } else if (c === BACKTICK) {
      const length = runLength(text, i, end, BACKTICK);
      const close = runs.closer(length, i + length);
      if (close < 0) {
        i += length;
      } else {
        out.excluded.push({ start: i, end: close + length });
        i = close + length;
      }
    } else if (c === LT) {
      i = scanAngle(text, i, end, commentEnd, out);
    } else if (c === OPEN_BRACKET) {
      openers.push({ at: text.charCodeAt(i - 1) === BANG && i > start ? i - 1 : i, image: text.charCodeAt(i - 1) === BANG && i > start });
      i++;
    } else if (c === CLOSE_BRACKET) {
      i = closeBracket(text, i, end, openers, out);
    } else {
      i++;
    }
  }
  return out;
}

/** At a `<`: a comment, autolink, tag or declaration; returns where scanning resumes. */
function scanAngle(text: string, at: number, end: number, commentEnd: NextIndex, out: InlineScan): number {
  if (text.startsWith('<!--', at)) {
    const close = commentEnd.from(at + 2);
    if (close < 0) return at + 1;
    out.excluded.push({ start: at, end: close + 3 });
    out.comments.push({ start: at, end: close + 3, text: text.slice(at + 4, Math.max(at + 4, close)).trim() });
    return close + 3;
  }
  for (const re of [AUTOLINK_RE, EMAIL_AUTOLINK_RE]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m && re.lastIndex <= end) {
      out.links.push({ start: at, end: re.lastIndex, target: re === EMAIL_AUTOLINK_RE ? `mailto:${m[1]}` : m[1] });
      return re.lastIndex;
    }
  }
  for (const re of [TAG_RE, DECLARATION_RE]) {
    re.lastIndex = at;
    if (re.exec(text) && re.lastIndex <= end) {
      out.excluded.push({ start: at, end: re.lastIndex });
      return re.lastIndex;
    }
  }
  return at + 1;
}

/** At a `]`: closes the nearest opener; an inline link when `(target)` follows. Returns where scanning resumes. */
function closeBracket(text: string, at: number, end: number, openers: { at: number; image: boolean }[], out: InlineScan): number {
  const opener = openers.pop();
  if (!opener || text.charCodeAt(at + 1) !== 40 /* ( */) return at + 1;
  DESTINATION_RE.lastIndex = at + 1;
  const m = DESTINATION_RE.exec(text);
  if (!m || DESTINATION_RE.lastIndex > end) return at + 1;
  if (!opener.image) {
    out.links.push({ start: opener.at, end: DESTINATION_RE.lastIndex, target: m[2] ?? m[3] ?? '' });
    // A link cannot contain a link: the brackets still open before it can no longer start one.
    openers.length = 0;
  }
  return DESTINATION_RE.lastIndex;
}
