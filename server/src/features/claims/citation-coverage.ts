/**
 * What counts as sourced: the draft's prose sentences, each with the citations
 * that cover it (`sentence` or `paragraph` scope) and whether a suppression
 * comment declares it the writer's analysis.
 */
import type { CitationScope } from '../../domain/config';
import { sourceOfCitation } from '../citations/find-citation';
import type { DraftCitation, DraftDocument, Span } from '../drafts/draft-document';
import { withCommentsBlanked } from '../drafts/parse-draft';
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';
import { citationMarkers } from '../../text/citation-markers';
import { splitSentences } from '../../text/sentence-splitter';
import { SUPPRESS } from './claim-rules';

/** A prose sentence of the draft as the claim check sees it. */
export interface ProseSentence extends Span {
  /** Markdown as written. */
  text: string;
  /** Index of its paragraph among the prose regions (sentences of one paragraph share it). */
  paragraph: number;
  /** Citations in or right after the sentence (or closing its paragraph, in paragraph scope). */
  citations: DraftCitation[];
  /** True when a `sourced-ignore` comment precedes it or a `sourced-ignore-start` block encloses it. */
  suppressed: boolean;
}

/** The last index of a list sorted by start whose start is at most `at`, or -1 (binary search). */
function lastStartingBy(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Prose regions: the paragraphs, plus the text that follows a comment at the
 * start of a line — Markdown makes such a line an HTML block, which would
 * otherwise hide the writer's sentences after `<!-- sourced-ignore -->`.
 * Blocks, exclusions and comments are sorted, so each comment is placed by binary search.
 */
function proseRegions(draft: DraftDocument): Span[] {
  const regions: Span[] = draft.blocks.filter((b) => b.kind === 'paragraph').map((b) => ({ start: b.start, end: b.end }));
  draft.comments.forEach((c, i) => {
    const block = draft.blocks[lastStartingBy(draft.blocks, c.start)];
    if (block && c.start < block.end) return;
    const html = draft.excluded[lastStartingBy(draft.excluded, c.start)];
    if (!html || html.end <= c.end) return;
    const next = draft.comments[i + 1];
    if (next && next.start < html.end) return;
    const rest = draft.text.slice(c.end, html.end);
    if (rest.trim()) regions.push({ start: c.end, end: html.end });
  });
  return regions.sort((a, b) => a.start - b.start);
}

/** Citation markers in a region the Markdown parser saw as HTML (it does not list them). */
function markersIn(text: string, region: Span): DraftCitation[] {
  return citationMarkers(text, region.start, region.end);
}

/** Spans the block form `sourced-ignore-start` … `sourced-ignore-end` covers (an unclosed start runs to the end). */
function suppressedBlocks(draft: DraftDocument): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (const c of draft.comments) {
    if (c.text === SUPPRESS.start && open < 0) open = c.end;
    else if (c.text === SUPPRESS.end && open >= 0) {
      out.push({ start: open, end: c.start });
      open = -1;
    }
  }
  if (open >= 0) out.push({ start: open, end: draft.text.length });
  return out;
}

/** True for a citation that counts as a source: a marker, or a link to a file of the corpus. */
function counts(k: SourceStore, draft: DraftDocument, c: DraftCitation): boolean {
  return c.kind !== 'link' || sourceOfCitation(k, draft, c).length > 0;
}

/** True when text[from, to) is only whitespace, scanning back from `to` (so the cost is the whitespace run, not the gap). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && /\s/.test(text[i - 1])) i--;
  return i <= from;
}

/** True when text[from, to) is only whitespace, scanning forward from `from`. */
function onlySpaceAfter(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i >= to;
}

/**
 * The draft's prose sentences with their covering citations and suppression. Linear: regions, sentences,
 * citations, comments and suppressed blocks are all in text order, so each is met by a forward pointer.
 */
export function proseSentences(draft: DraftDocument, k: SourceStore, scope: CitationScope): ProseSentence[] {
  let masked: string | undefined;
  let si = 0;
  const ignoreNext = draft.comments.filter((c) => c.text === SUPPRESS.next);
  const blocks = suppressedBlocks(draft);
  const blockStarts = new Set(draft.blocks.map((b) => b.start));
  const out: ProseSentence[] = [];
  let ci = 0;
  let ii = 0;
  let bi = 0;
  /** A paragraph's sentences come from the parse; only text after a line-opening comment is split here. */
  const sentencesOf = (region: Span): Span[] => {
    if (blockStarts.has(region.start)) {
      while (si < draft.sentences.length && draft.sentences[si].start < region.start) si++;
      const out: Span[] = [];
      for (; si < draft.sentences.length && draft.sentences[si].start < region.end; si++) out.push(draft.sentences[si]);
      return out;
    }
    masked ??= withCommentsBlanked(draft.text, draft.comments);
    return splitSentences(masked, region.start, region.end);
  };
  proseRegions(draft).forEach((region, paragraph) => {
    while (ci < draft.citations.length && draft.citations[ci].start < region.start) ci++;
    const listed: DraftCitation[] = [];
    for (let j = ci; j < draft.citations.length && draft.citations[j].start < region.end; j++) listed.push(draft.citations[j]);
    const inParagraph = (
      blockStarts.has(region.start) ? listed : [...listed, ...markersIn(draft.text, region)].sort((a, b) => a.start - b.start)
    ).filter((c) => counts(k, draft, c));
    let pi = 0;
    const sentences = sentencesOf(region).map((s): ProseSentence => {
      // In the sentence, or right after it with only spaces between (`…data. [^key]`).
      while (pi < inParagraph.length && inParagraph[pi].start < s.start) pi++;
      let j = pi;
      const citations: DraftCitation[] = [];
      for (; j < inParagraph.length && inParagraph[j].start < s.end; j++) citations.push(inParagraph[j]);
      const after = inParagraph[j];
      if (after && onlySpaceAfter(draft.text, s.end, after.start)) citations.push(after);
      while (ii < ignoreNext.length && ignoreNext[ii].end <= s.start) ii++;
      const ignore = ignoreNext[ii - 1];
      while (bi < blocks.length && blocks[bi].end <= s.start) bi++;
      const block = blocks[bi];
      const suppressed =
        (ignore !== undefined && onlySpaceBetween(draft.text, ignore.end, s.start)) || (block !== undefined && s.start >= block.start);
      return { start: s.start, end: s.end, text: draft.text.slice(s.start, s.end), paragraph, citations, suppressed };
    });
    coverQuotations(sentences);
    const last = sentences[sentences.length - 1];
    if (scope === 'paragraph' && last && last.citations.length) {
      for (const s of sentences) if (s.citations.length === 0) s.citations = last.citations;
    }
    out.push(...sentences);
  });
  return out;
}

/** True when a quotation is still open after the text (curly marks open and close; a straight double quote toggles). */
function quoteBalance(text: string, open: boolean): boolean {
  let inside = open;
  for (const ch of text) {
    if (ch === '\u201c') inside = true;
    else if (ch === '\u201d') inside = false;
    else if (ch === '"') inside = !inside;
  }
  return inside;
}

/**
 * A quotation of several sentences is cited once, after its closing mark (`“One. Two.”[^key]`): that citation
 * covers every sentence of the quotation. One forward pass over the paragraph's sentences.
 */
function coverQuotations(sentences: ProseSentence[]): void {
  let inside = false;
  let openedAt = -1;
  sentences.forEach((s, i) => {
    const wasInside = inside;
    inside = quoteBalance(s.text, inside);
    if (!wasInside && inside) openedAt = i;
    if (wasInside && !inside && openedAt >= 0) {
      if (s.citations.length > 0)
        for (let j = openedAt; j < i; j++) if (sentences[j].citations.length === 0) sentences[j].citations = s.citations;
      openedAt = -1;
    }
  });
}

/** Where a citation marker goes: right after the sentence's final punctuation (and closing quote). */
export function insertionPoint(s: ProseSentence): number {
  return s.end;
}

/** The indexed sources a sentence cites. */
export function citedUnits(k: SourceStore, draft: DraftDocument, s: ProseSentence): SourceUnit[] {
  const out = new Set<SourceUnit>();
  for (const c of s.citations) for (const u of sourceOfCitation(k, draft, c)) out.add(u);
  return [...out];
}
