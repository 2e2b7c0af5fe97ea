import { cleanInline } from './clean-text';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './html-dom';
import type { BlockKind, TextBlock } from '../../domain/source-text';

/** Elements that end the text before them and start a new block. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
/** Elements whose text is never article prose. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'NAV']);
const HEADING_RE = /^H[1-6]$/;
const NON_BLANK_RE = /\S/;

/** Deepest nesting walked; text below it is kept as text of the enclosing block. */
const MAX_DEPTH = 200;

/** Words of a heading that reads as a sentence of the story. */
const SENTENCE_WORDS = 8;

/**
 * A heading element whose text is a sentence of the story (eight words or more, ending in a full stop, a
 * question or exclamation mark, perhaps inside a closing quotation mark): pages set a lede or an item's first
 * sentence in `<h2>`. It is read as a paragraph, so the sentences after it (`she said`) can refer back to it.
 */
function isSentence(text: string): boolean {
  return /[.!?]["'\u201d\u2019]?$/.test(text) && text.split(/\s+/).length >= SENTENCE_WORDS;
}

/**
 * The text blocks of an element: one block per paragraph-like element, headings marked, inline markup
 * (links, emphasis, `<br>`) joined into its block's text. Iterative, so deep markup cannot overflow the stack.
 */
export function htmlBlocks(root: DomNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer: string[] = [];
  let kind: BlockKind = 'body';
  // Links open around the walk, and whether the block has text outside any link.
  let inLinks = 0;
  let plainText = false;
  const flush = (): void => {
    const text = cleanInline(buffer.join(''));
    // A paragraph or list item that is nothing but a link is a teaser or a related story, not the article's prose.
    const linkOnly = !plainText && kind === 'body';
    if (text && !linkOnly) blocks.push({ text, kind: kind === 'heading' && isSentence(text) ? 'body' : kind });
    buffer = [];
    kind = 'body';
    plainText = false;
  };
  // Stack of [node, entering?]: a block element flushes when entered and when left.
  const stack: [DomNode, boolean, number][] = [[root, true, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, entering, depth] = top;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer.push(text);
      if (inLinks === 0 && NON_BLANK_RE.test(text)) plainText = true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as DomElement).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    const isBlock = BLOCK_TAGS.has(tag);
    if (!entering) {
      if (isBlock) flush();
      if (tag === 'A') inLinks--;
      continue;
    }
    if (tag === 'A') inLinks++;
    // A line break inside a paragraph is a space: a quotation broken over two lines still matches.
    if (tag === 'BR') {
      buffer.push(' ');
      continue;
    }
    if (isBlock) flush();
    if (HEADING_RE.test(tag)) kind = 'heading';
    if (depth >= MAX_DEPTH) {
      buffer.push(' ', node.textContent ?? '', ' ');
      plainText = true;
      if (tag === 'A') inLinks--;
      continue;
    }
    stack.push([node, false, depth]);
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], true, depth + 1]);
  }
  flush();
  return blocks;
}
