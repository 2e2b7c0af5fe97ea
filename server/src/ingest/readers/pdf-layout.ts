/**
 * Turns positioned text items of PDF pages into paragraphs: lines are joined (a word hyphenated at a line
 * end is rejoined), paragraphs are split at vertical gaps, page numbers are dropped, and a paragraph that
 * runs over a page break stays one block (with the break's offset), so a quotation across it is one quotation.
 */
import { cleanInline } from './clean-text';
import type { TextBlock } from '../../domain/source-text';

/** A text item as pdf.js gives it: `transform[5]` is the baseline's y (up is larger), `transform[4]` its x. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL?: boolean;
}

interface Line {
  text: string;
  y: number;
  height: number;
}

/** Gap between baselines, relative to the page's usual line spacing, that starts a new paragraph. */
const PARAGRAPH_GAP = 1.5;
/** Longest line, in words, that stands alone as a heading. */
const MAX_HEADING_WORDS = 14;
const PAGE_NUMBER_RE = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-\u2013]\s*\d{1,4}\s*[-\u2013]$/i;
const TERMINAL_RE = /[.!?\u2026]["'\u201d\u2019)\]]*$/;

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let parts: string[] = [];
  let y = Number.NaN;
  let height = 0;
  const end = (): void => {
    const text = cleanInline(parts.join(''));
    if (text && !PAGE_NUMBER_RE.test(text)) lines.push({ text, y, height });
    parts = [];
    y = Number.NaN;
  };
  for (const item of items) {
    const itemY = item.transform[5] ?? 0;
    if (parts.length && Math.abs(itemY - y) > Math.max(item.height, height, 1) * 0.5) end();
    if (Number.isNaN(y)) {
      y = itemY;
      height = item.height;
    }
    parts.push(item.str);
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/**
 * The usual distance between consecutive baselines inside a paragraph: the lower quartile of the gaps (on a
 * short page, paragraph gaps can be half of all gaps, so the median would take them for line spacing).
 */
function usualSpacing(lines: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1].y - lines[i].y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 4)] : 0;
}

/** Joins the next line to a paragraph: a hyphen between two letters at the line end is a broken word. */
export function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  if (/\p{Ll}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

interface PageParagraph {
  text: string;
  heading: boolean;
}

function paragraphsOf(lines: Line[]): PageParagraph[] {
  const spacing = usualSpacing(lines);
  const out: PageParagraph[] = [];
  let current = '';
  let lineCount = 0;
  const end = (): void => {
    if (current) {
      const words = current.split(' ').length;
      out.push({ text: current, heading: lineCount === 1 && words <= MAX_HEADING_WORDS && !/[.!?,;:\u2026"\u201d]$/.test(current) });
    }
    current = '';
    lineCount = 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prev = lines[i - 1];
    const gap = prev ? prev.y - line.y : 0;
    if (prev && (gap > spacing * PARAGRAPH_GAP || gap < 0)) end();
    current = joinLine(current, line.text);
    lineCount++;
  }
  end();
  return out;
}

/** Whether a paragraph at the end of a page goes on at the top of the next. */
function continues(paragraph: string, next: string): boolean {
  const opens = (paragraph.match(/\u201c/g) ?? []).length;
  const closes = (paragraph.match(/\u201d/g) ?? []).length;
  return !TERMINAL_RE.test(paragraph) || /^\p{Ll}/u.test(next) || opens > closes;
}

/** The blocks of a PDF's pages (index 0 is page 1). */
export function pdfBlocks(pages: readonly (readonly PdfTextItem[])[]): TextBlock[] {
  const blocks: TextBlock[] = [];
  let last: TextBlock | null = null;
  for (let p = 0; p < pages.length; p++) {
    const paragraphs = paragraphsOf(linesOf(pages[p]));
    for (let k = 0; k < paragraphs.length; k++) {
      const para = paragraphs[k];
      if (k === 0 && last && last.kind === 'body' && !para.heading && continues(last.text, para.text)) {
        const joined = joinLine(last.text, para.text);
        // joinLine keeps the new line whole at the end, so the new page starts where it does.
        last.pageBreaks = [...(last.pageBreaks ?? []), joined.length - para.text.length];
        last.text = joined;
        continue;
      }
      last = { text: para.text, kind: para.heading ? 'heading' : 'body', page: p + 1 };
      blocks.push(last);
    }
  }
  return blocks;
}
