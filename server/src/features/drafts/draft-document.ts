/** The parsed form of a Markdown draft: the parts each feature needs, as offsets into the text. */

export interface Span {
  start: number;
  end: number;
}

export type BlockKind = 'paragraph' | 'heading';

export interface DraftBlock extends Span {
  kind: BlockKind;
  /** Heading depth (1–6) for headings. */
  depth?: number;
  /** True when the block sits in a block quote. */
  quoted: boolean;
  /** True when the block sits in a list item. */
  listItem: boolean;
}

export interface DraftSentence extends Span {
  /** Index of the block (paragraph) in `blocks`. */
  block: number;
  /** The sentence's source text (Markdown as written). */
  text: string;
}

export type CitationKind = 'footnote' | 'pandoc' | 'link';

export interface DraftCitation extends Span {
  kind: CitationKind;
  /** Citation keys (footnote label or Pandoc keys); for links, the link target. */
  keys: string[];
}

export interface FootnoteDefinition extends Span {
  key: string;
  /** The definition's text after `[^key]:`. */
  text: string;
}

export interface DraftQuotation extends Span {
  /** Offsets of the quoted words, inside the marks. */
  innerStart: number;
  innerEnd: number;
  text: string;
  open: string;
  close: string;
}

export interface DraftDocument {
  uri: string;
  version: number;
  text: string;
  lineStarts: Uint32Array;
  blocks: DraftBlock[];
  sentences: DraftSentence[];
  citations: DraftCitation[];
  footnoteDefinitions: FootnoteDefinition[];
  quotations: DraftQuotation[];
  /** HTML comments (suppression markers live here). */
  comments: (Span & { text: string })[];
  /** Ranges that are not prose: code, inline code, HTML, front matter, definitions. */
  excluded: Span[];
}
