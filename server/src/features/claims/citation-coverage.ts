/**
 * What counts as sourced: the draft's prose sentences, each with the citations
 * that cover it (`sentence` or `paragraph` scope) and whether a suppression
 * comment declares it the writer's analysis.
 */
import type { CitationScope } from '../../domain/config';
import { sourceOfCitation } from '../citations/find-citation';
import type { DraftCitation, DraftDocument, Span } from '../drafts/draft-document';
import type { SourceStore } from '../../store/source-store';
import type { SourceUnit } from '../../store/source-store';
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

const FOOTNOTE_REF_RE = /\[\^([^\]\s]+)\](?!:)/g;
const PANDOC_CITE_RE = /\[([^\[\]\n]*?@[\p{L}\p{N}_][^\[\]\n]*)\]/gu;
const PANDOC_KEY_RE = /(?:^|[\s;\[-])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*[\p{L}\p{N}_])/gu;

/** The draft text with HTML comments blanked (same length), so a comment between sentences does not glue them. */
function maskComments(draft: DraftDocument): string {
  if (draft.comments.length === 0) return draft.text;
  let out = '';
  let at = 0;
  for (const c of draft.comments) {
    out += draft.text.slice(at, c.start) + ' '.repeat(c.end - c.start);
    at = c.end;
  }
  return out + draft.text.slice(at);
}

/**
 * Prose regions: the paragraphs, plus the text that follows a comment at the
 * start of a line — Markdown makes such a line an HTML block, which would
 * otherwise hide the writer's sentences after `<!-- sourced-ignore -->`.
 */
function proseRegions(draft: DraftDocument): Span[] {
  const regions: Span[] = draft.blocks.filter((b) => b.kind === 'paragraph').map((b) => ({ start: b.start, end: b.end }));
  const inBlock = (at: number): boolean => draft.blocks.some((b) => at >= b.start && at < b.end);
  for (const c of draft.comments) {
    if (inBlock(c.start)) continue;
    const html = draft.excluded.find((e) => e.start <= c.start && e.end >= c.end);
    if (!html || html.end <= c.end) continue;
    const nextComment = draft.comments.find((d) => d.start >= c.end && d.start < html.end);
    if (nextComment) continue;
    const rest = draft.text.slice(c.end, html.end);
    if (rest.trim()) regions.push({ start: c.end, end: html.end });
  }
  return regions.sort((a, b) => a.start - b.start);
}

/** Citation markers in a region the Markdown parser saw as HTML (it does not list them). */
function markersIn(text: string, region: Span): DraftCitation[] {
  const slice = text.slice(region.start, region.end);
  const out: DraftCitation[] = [];
  for (const m of slice.matchAll(FOOTNOTE_REF_RE)) {
    out.push({ start: region.start + m.index, end: region.start + m.index + m[0].length, kind: 'footnote', keys: [m[1]] });
  }
  for (const m of slice.matchAll(PANDOC_CITE_RE)) {
    if (m[1].startsWith('^')) continue;
    const keys = [...m[1].matchAll(PANDOC_KEY_RE)].map((k) => k[1]);
    if (keys.length) out.push({ start: region.start + m.index, end: region.start + m.index + m[0].length, kind: 'pandoc', keys });
  }
  return out;
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

/** The draft's prose sentences with their covering citations and suppression. */
export function proseSentences(draft: DraftDocument, k: SourceStore, scope: CitationScope): ProseSentence[] {
  const masked = maskComments(draft);
  const ignoreNext = draft.comments.filter((c) => c.text === SUPPRESS.next);
  const blocks = suppressedBlocks(draft);
  const out: ProseSentence[] = [];
  proseRegions(draft).forEach((region, paragraph) => {
    const inParagraph = [
      ...draft.citations.filter((c) => c.start >= region.start && c.start < region.end),
      ...(draft.blocks.some((b) => b.start === region.start) ? [] : markersIn(draft.text, region)),
    ].filter((c) => counts(k, draft, c));
    const spans = splitSentences(masked, region.start, region.end);
    const sentences = spans.map((s): ProseSentence => {
      // In the sentence, or right after it with only spaces between (`…data. [^key]`).
      const citations = inParagraph.filter((c) => c.start >= s.start && (c.start < s.end || draft.text.slice(s.end, c.start).trim() === ''));
      const suppressed =
        ignoreNext.some((c) => c.end <= s.start && masked.slice(c.end, s.start).trim() === '' && draft.text.slice(c.end, s.start).trim() === '') ||
        blocks.some((b) => s.start >= b.start && s.start < b.end);
      return { start: s.start, end: s.end, text: draft.text.slice(s.start, s.end), paragraph, citations, suppressed };
    });
    const last = sentences[sentences.length - 1];
    if (scope === 'paragraph' && last && last.citations.length) {
      for (const s of sentences) if (s.citations.length === 0) s.citations = last.citations;
    }
    out.push(...sentences);
  });
  return out;
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
