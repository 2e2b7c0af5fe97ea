import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Nodes, Parents } from 'mdast';
import { computeLineStarts } from '../../text/line-index';
import { splitSentences } from '../../text/sentence-splitter';
import type {
  DraftBlock, DraftCitation, DraftDocument, DraftQuotation, DraftSentence, FootnoteDefinition, Span,
} from './draft-document';

const FOOTNOTE_REF_RE = /\[\^([^\]\s]+)\](?!:)/g;
const PANDOC_CITE_RE = /\[([^\[\]\n]*?@[\p{L}\p{N}_][^\[\]\n]*)\]/gu;
const PANDOC_KEY_RE = /(?:^|[\s;\[-])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])/gu;
const FOOTNOTE_DEF_RE = /^\[\^([^\]\s]+)\]:[ \t]*/;

function offsets(node: Nodes): Span | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : { start: s, end: e };
}

function inside(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
}

/** Quotations in a block: curly pairs and straight pairs, skipping inline code and apostrophes. */
function findQuotations(text: string, block: Span, excluded: readonly Span[], out: DraftQuotation[]): void {
  let open = -1;
  let openMark = '';
  for (let i = block.start; i < block.end; i++) {
    const c = text[i];
    if (inside(excluded, i)) continue;
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
  const slice = text.slice(block.start, block.end);
  for (const m of slice.matchAll(FOOTNOTE_REF_RE)) {
    const start = block.start + m.index;
    if (!inside(excluded, start)) out.push({ start, end: start + m[0].length, kind: 'footnote', keys: [m[1]] });
  }
  for (const m of slice.matchAll(PANDOC_CITE_RE)) {
    const start = block.start + m.index;
    if (inside(excluded, start) || m[1].startsWith('^')) continue;
    const keys = [...m[1].matchAll(PANDOC_KEY_RE)].map((k) => k[1]);
    if (keys.length) out.push({ start, end: start + m[0].length, kind: 'pandoc', keys });
  }
}

/** Parses a Markdown draft. Never throws: on a parser failure the text is treated as one paragraph per blank-line block. */
export function parseDraft(uri: string, version: number, text: string): DraftDocument {
  const blocks: DraftBlock[] = [];
  const excluded: Span[] = [];
  const comments: (Span & { text: string })[] = [];
  const citations: DraftCitation[] = [];
  const footnoteDefinitions: FootnoteDefinition[] = [];
  const links: DraftCitation[] = [];

  const visit = (node: Nodes, quoted: boolean, listItem: boolean): void => {
    const span = offsets(node);
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        if (span) {
          blocks.push({ ...span, kind: node.type, depth: node.type === 'heading' ? node.depth : undefined, quoted, listItem });
        }
        for (const child of node.children) visit(child, quoted, listItem);
        return;
      case 'inlineCode':
      case 'code':
      case 'yaml':
      case 'definition':
        if (span) excluded.push(span);
        return;
      case 'html':
        if (span) {
          excluded.push(span);
          const raw = text.slice(span.start, span.end);
          for (const m of raw.matchAll(/<!--([\s\S]*?)-->/g)) {
            comments.push({ start: span.start + m.index, end: span.start + m.index + m[0].length, text: m[1].trim() });
          }
        }
        return;
      case 'footnoteDefinition':
        if (span) {
          excluded.push(span);
          const raw = text.slice(span.start, span.end);
          const head = FOOTNOTE_DEF_RE.exec(raw);
          footnoteDefinitions.push({ ...span, key: node.identifier, text: head ? raw.slice(head[0].length).trim() : raw });
        }
        return;
      case 'link':
        if (span) links.push({ ...span, kind: 'link', keys: [node.url] });
        break;
      default:
        break;
    }
    if ('children' in node) {
      const parent = node as Parents;
      const q = quoted || node.type === 'blockquote';
      const li = listItem || node.type === 'listItem';
      for (const child of parent.children) visit(child, q, li);
    }
  };

  try {
    const tree = fromMarkdown(text, {
      extensions: [frontmatter(['yaml', 'toml']), gfmFootnote()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFootnoteFromMarkdown()],
    });
    visit(tree, false, false);
  } catch {
    for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
      blocks.push({ start: m.index, end: m.index + m[0].length, kind: 'paragraph', quoted: false, listItem: false });
    }
  }

  blocks.sort((a, b) => a.start - b.start);
  const sentences: DraftSentence[] = [];
  const quotations: DraftQuotation[] = [];
  blocks.forEach((block, index) => {
    citationsIn(text, block, excluded, citations);
    findQuotations(text, block, excluded, quotations);
    if (block.kind !== 'paragraph') return;
    for (const s of splitSentences(text, block.start, block.end)) {
      sentences.push({ start: s.start, end: s.end, block: index, text: text.slice(s.start, s.end) });
    }
  });
  citations.push(...links);
  citations.sort((a, b) => a.start - b.start);
  return {
    uri, version, text, lineStarts: computeLineStarts(text), blocks, sentences, citations, footnoteDefinitions, quotations, comments, excluded,
  };
}
