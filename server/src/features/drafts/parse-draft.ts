import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Nodes } from 'mdast';
import { yieldToEventLoop, type Cancellation } from '../../domain/cancellation';
import { scanInline } from './inline-scan';
import { blockChunks } from './block-chunks';
import { boundNesting } from './nesting-guard';
import { takeDefinitionLines } from './definition-lines';
import { citationMarkers } from '../../text/citation-markers';
import { computeLineStarts } from '../../text/line-index';
import { splitSentences } from '../../text/sentence-splitter';
import type { DraftBlock, DraftCitation, DraftDocument, DraftQuotation, DraftSentence, FootnoteDefinition, Span } from './draft-document';

const FOOTNOTE_DEF_RE = /^\[\^([^\]\s]+)\]:[ \t]*/;

/**
 * micromark's inline constructs that Sourced does not need or scans itself (inline-scan.ts), switched off
 * because they are super-linear on adversarial input. Block structure, escapes and entities stay.
 */
const LINEAR_INLINE = {
  disable: { null: ['attention', 'autolink', 'codeText', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'] },
};
/** Only the footnote definition (a block): footnote calls are found by FOOTNOTE_REF_RE. */
const FOOTNOTE_DEFINITIONS = { document: gfmFootnote().document };

function offsets(node: Nodes, base: number): Span | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : { start: base + s, end: base + e };
}

/** Answers "is this offset inside one of the spans?" for offsets asked in increasing order, in linear total time. */
class SpanCursor {
  private k = 0;
  private readonly spans: Span[];
  constructor(spans: readonly Span[]) {
    // Sorted and merged, so one forward pointer answers every question.
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.spans = [];
    for (const s of sorted) {
      const last = this.spans[this.spans.length - 1];
      if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
      else this.spans.push({ start: s.start, end: s.end });
    }
  }
  /** True when `at` lies in a span; `at` must not decrease between calls. */
  has(at: number): boolean {
    while (this.k < this.spans.length && this.spans[this.k].end <= at) this.k++;
    const s = this.spans[this.k];
    return s !== undefined && s.start <= at;
  }
}

/** Quotations in a block: curly pairs and straight pairs, skipping inline code and apostrophes. */
function findQuotations(text: string, block: Span, excluded: SpanCursor, out: DraftQuotation[]): void {
  let open = -1;
  let openMark = '';
  for (let i = block.start; i < block.end; i++) {
    const c = text[i];
    if (c !== '"' && c !== '\u201c' && c !== '\u201d') continue;
    if (excluded.has(i)) continue;
    if (open < 0) {
      if (c === '\u201c' || (c === '"' && !/[\p{L}\p{N}]/u.test(text[i - 1] ?? ' '))) {
        open = i;
        openMark = c;
      }
    } else if ((openMark === '\u201c' && c === '\u201d') || (openMark === '"' && c === '"')) {
      const inner = text.slice(open + 1, i);
      if (inner.trim()) {
        out.push({ start: open, end: i + 1, innerStart: open + 1, innerEnd: i, text: inner, open: openMark, close: c });
      }
      open = -1;
    }
  }
}

function citationsIn(text: string, block: Span, excluded: readonly Span[], out: DraftCitation[]): void {
  const cursor = new SpanCursor(excluded);
  for (const c of citationMarkers(text, block.start, block.end)) if (!cursor.has(c.start)) out.push(c);
}

/** HTML comments in a raw HTML span, found with indexOf (a lazy regex rescans to the end for each unclosed `<!--`). */
function commentsIn(text: string, span: Span, out: (Span & { text: string })[]): void {
  let at = text.indexOf('<!--', span.start);
  while (at >= 0 && at < span.end) {
    const close = text.indexOf('-->', at + 2);
    if (close < 0 || close + 3 > span.end) return;
    out.push({ start: at, end: close + 3, text: text.slice(at + 4, Math.max(at + 4, close)).trim() });
    at = text.indexOf('<!--', close + 3);
  }
}

/** The text with the comments (sorted) replaced by spaces of the same length. */
export function withCommentsBlanked(text: string, comments: readonly Span[]): string {
  if (comments.length === 0) return text;
  const parts: string[] = [];
  let copied = 0;
  for (const c of comments) {
    if (c.start < copied) continue;
    parts.push(text.slice(copied, c.start), ' '.repeat(c.end - c.start));
    copied = c.end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Blocks per step of the pass after the Markdown parse. */
const BLOCKS_PER_STEP = 256;
/** Time a parse may hold the event loop before it yields. */
const YIELD_EVERY_MS = 15;

/** Parses a Markdown draft once per version, in time linear in its length. Never throws: on a parser failure the text is treated as one paragraph per blank-line block. */
export function parseDraft(uri: string, version: number, text: string): DraftDocument {
  const steps = parseSteps(uri, version, text);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same parse in steps that yield to the event loop every few milliseconds, so that requests on other
 * documents are answered while a large draft is parsed; undefined when `token` is cancelled meanwhile.
 */
export async function parseDraftAsync(uri: string, version: number, text: string, token: Cancellation): Promise<DraftDocument | undefined> {
  const steps = parseSteps(uri, version, text);
  let last = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (Date.now() - last > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      if (token.isCancellationRequested) return undefined;
      last = Date.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** One paragraph per blank-line block of text[from, to): the fallback when the parser fails on a chunk. */
function plainBlocks(text: string, from: number, to: number, out: DraftBlock[]): void {
  for (const m of text.slice(from, to).matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, kind: 'paragraph', quoted: false, listItem: false });
  }
}

/** The parse, pausing (yield) after each chunk of blocks. */
function* parseSteps(uri: string, version: number, text: string): Generator<void, DraftDocument> {
  const blocks: DraftBlock[] = [];
  const excluded: Span[] = [];
  const comments: (Span & { text: string })[] = [];
  const citations: DraftCitation[] = [];
  const footnoteDefinitions: FootnoteDefinition[] = [];
  const links: DraftCitation[] = [];

  const visitLeaf = (node: Nodes, span: Span, quoted: boolean, listItem: boolean): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        blocks.push({ ...span, kind: node.type, depth: node.type === 'heading' ? node.depth : undefined, quoted, listItem });
        const inline = scanInline(text, span.start, span.end);
        excluded.push(...inline.excluded);
        comments.push(...inline.comments);
        for (const l of inline.links) links.push({ start: l.start, end: l.end, kind: 'link', keys: [l.target] });
        return;
      }
      case 'html':
        excluded.push(span);
        commentsIn(text, span, comments);
        return;
      case 'footnoteDefinition': {
        excluded.push(span);
        const raw = text.slice(span.start, span.end);
        const head = FOOTNOTE_DEF_RE.exec(raw);
        footnoteDefinitions.push({ ...span, key: node.identifier, text: head ? raw.slice(head[0].length).trim() : raw });
        return;
      }
      default:
        excluded.push(span);
    }
  };

  const visit = (root: Nodes, base: number): void => {
    // An explicit stack: nesting is bounded (nesting-guard.ts), but no recursion depth should depend on the input.
    const stack: { node: Nodes; quoted: boolean; listItem: boolean }[] = [{ node: root, quoted: false, listItem: false }];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const { node, quoted, listItem } = top;
      const span = offsets(node, base);
      if (['paragraph', 'heading', 'html', 'footnoteDefinition', 'code', 'yaml', 'toml', 'definition'].includes(node.type)) {
        if (span) visitLeaf(node, span, quoted, listItem);
        continue;
      }
      if (!('children' in node)) continue;
      const q = quoted || node.type === 'blockquote';
      const li = listItem || node.type === 'listItem';
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], quoted: q, listItem: li });
    }
  };

  const definitions = takeDefinitionLines(boundNesting(text).text);
  excluded.push(...definitions.spans);
  footnoteDefinitions.push(...definitions.footnotes);
  const bounded = definitions.text;
  const cuts = blockChunks(bounded);
  for (let c = 0; c + 1 < cuts.length; c++) {
    const from = cuts[c];
    const to = cuts[c + 1];
    try {
      // Front matter can only open the draft.
      // Bounded again per chunk: a chunk cut inside a long line starts a new line for the parser.
      const source = boundNesting(bounded.slice(from, to)).text;
      const tree =
        from === 0
          ? fromMarkdown(source, {
              extensions: [frontmatter(['yaml', 'toml']), FOOTNOTE_DEFINITIONS, LINEAR_INLINE],
              mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFootnoteFromMarkdown()],
            })
          : fromMarkdown(source, { extensions: [FOOTNOTE_DEFINITIONS, LINEAR_INLINE], mdastExtensions: [gfmFootnoteFromMarkdown()] });
      visit(tree, from);
    } catch {
      plainBlocks(text, from, to, blocks);
    }
    yield;
  }

  blocks.sort((a, b) => a.start - b.start);
  excluded.sort((a, b) => a.start - b.start);
  comments.sort((a, b) => a.start - b.start);
  // Sentences are split once, here, on the text with comments blanked (a comment between sentences must not glue them).
  const prose = withCommentsBlanked(text, comments);
  const sentences: DraftSentence[] = [];
  const quotations: DraftQuotation[] = [];
  const quoteCursor = new SpanCursor(excluded);
  let e = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    while (e < excluded.length && excluded[e].end <= block.start) e++;
    let f = e;
    while (f < excluded.length && excluded[f].start < block.end) f++;
    citationsIn(text, block, excluded.slice(e, f), citations);
    findQuotations(text, block, quoteCursor, quotations);
    if (block.kind !== 'paragraph') continue;
    for (const s of splitSentences(prose, block.start, block.end)) {
      sentences.push({ start: s.start, end: s.end, block: index, text: text.slice(s.start, s.end) });
    }
  }
  citations.push(...links);
  citations.sort((a, b) => a.start - b.start);
  footnoteDefinitions.sort((a, b) => a.start - b.start);
  return {
    uri,
    version,
    text,
    lineStarts: computeLineStarts(text),
    blocks,
    sentences,
    citations,
    footnoteDefinitions,
    quotations,
    comments,
    excluded,
  };
}
