/**
 * The benchmark's workload, taken from the corpus text itself (not from our index, so that a feature that
 * finds nothing shows up as misses): 200 quote queries (prefix and mid-quote fragments), 200 actor names,
 * and a 5,000-word draft of verbatim sentences, quotations (some altered) and citations.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { rng } from './corpora';

export interface QuoteQuery {
  /** The words typed after the opening mark. */
  typed: string;
  kind: 'prefix' | 'middle';
  /** The quotation the query should find. */
  quote: string;
  file: string;
}

export interface Workload {
  quotes: QuoteQuery[];
  names: string[];
  draft: string;
  /** A different, smaller draft run first, so that the measured draft pays no JIT warm-up but has no cached sentence either. */
  warmupDraft: string;
}

const QUERIES = 200;
const DRAFT_WORDS = 5000;

function wordsOf(s: string): string[] {
  return s.split(/\s+/).filter(Boolean);
}

/** Builds the workload from a deterministic sample of the corpus files. */
export function buildWorkload(root: string, files: string[]): Workload {
  const r = rng(files.length);
  const order = files
    .map((f, i) => ({ f, k: r() + i * 0 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.f);
  const quotes: QuoteQuery[] = [];
  const names = new Set<string>();
  const seenQuotes = new Set<string>();
  const draft: string[] = [];
  const warmup: string[] = [];
  let draftWords = 0;
  let paragraphs = 0;
  for (let round = 0; round < 4 && (quotes.length < QUERIES || names.size < QUERIES || draftWords < DRAFT_WORDS); round++) {
    for (const file of order) {
      if (quotes.length >= QUERIES && names.size >= QUERIES && draftWords >= DRAFT_WORDS) break;
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(root, file).split(path.sep).join('/');
      const quoteMatches = [...text.matchAll(/["\u201c]([^"\u201c\u201d\n]{20,400})["\u201d]/g)]
        .map((m) => m[1].trim())
        .filter((q) => wordsOf(q).length >= 8 && !seenQuotes.has(q));
      if (quotes.length < QUERIES && quoteMatches.length) {
        const q = quoteMatches[Math.floor(r() * quoteMatches.length)];
        const w = wordsOf(q);
        seenQuotes.add(q);
        if (quotes.length % 2 === 0) quotes.push({ typed: w.slice(0, 4).join(' '), kind: 'prefix', quote: q, file: rel });
        else {
          const mid = Math.floor(w.length / 2) - 1;
          quotes.push({ typed: w.slice(mid, mid + 3).join(' '), kind: 'middle', quote: q, file: rel });
        }
      }
      if (names.size < QUERIES) {
        for (const m of text.matchAll(/(?<=[a-z,] )([A-Z][a-z]{2,} [A-Z][a-z]{2,})(?= (?:said|told|added|says|is|was|,))/g)) {
          names.add(m[1]);
          if (names.size >= QUERIES || r() < 0.5) break;
        }
      }
      if (draftWords < DRAFT_WORDS && r() < 0.5) {
        const paragraph = draftParagraph(text, rel, quoteMatches, r);
        if (paragraph && warmup.length < 20 && r() < 0.3) warmup.push(paragraph);
        else if (paragraph) {
          if (paragraphs % 8 === 0) draft.push(`## Section ${paragraphs / 8 + 1}`);
          draft.push(paragraph);
          paragraphs++;
          draftWords += wordsOf(paragraph).length;
        }
      }
    }
  }
  return { quotes, names: [...names], draft: `# A report\n\n${draft.join('\n\n')}\n`, warmupDraft: `# Notes\n\n${warmup.join('\n\n')}\n` };
}

/** One draft paragraph: two verbatim sentences of a source (cited or not), and a quotation (verbatim or altered). */
function draftParagraph(text: string, rel: string, quotes: string[], r: () => number): string | null {
  const body = text
    .split(/\n\s*\n/)
    .slice(1)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => wordsOf(p).length > 20);
  if (!body.length) return null;
  const sentences = body[Math.floor(r() * body.length)].split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => !/["\u201c\u201d]/.test(s));
  if (sentences.length === 0) return null;
  const cite = r() < 0.6 ? ` [source](${rel})` : '';
  const parts = [sentences.slice(0, 2).join(' ') + cite];
  if (quotes.length) {
    let q = quotes[Math.floor(r() * quotes.length)];
    if (r() < 0.3) {
      const w = wordsOf(q);
      w.splice(Math.floor(w.length / 2), 1);
      q = w.join(' ');
    }
    parts.push(`As one of them put it, "${q}"`);
  }
  // A paraphrase with a figure and no citation: a claim the checker should look at.
  parts.push(`The figure was ${Math.floor(r() * 900) + 100} according to officials.`);
  return parts.join(' ');
}
