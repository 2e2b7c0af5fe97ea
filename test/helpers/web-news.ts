/** The saved web pages of ../shared/corpora/web-news (see its ORIGIN.md): page HTML, expected text and metadata. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseHTML } from 'linkedom';
import { WEB_NEWS_DIR } from './paths';

export const WEB_NEWS_PAGES_DIR = path.join(WEB_NEWS_DIR, 'pages');

export interface ExpectedMetadata {
  title: string | null;
  byline: string | null;
  lang?: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

export interface WebNewsPage {
  name: string;
  html: Uint8Array;
  /** Text of the article body that the page should yield (Readability's hand-checked extraction). */
  expectedText: string;
  expected: ExpectedMetadata;
}

/** Every page of the corpus, in name order. */
export function webNewsPages(): WebNewsPage[] {
  return readdirSync(WEB_NEWS_PAGES_DIR)
    .sort()
    .map((name) => {
      const dir = path.join(WEB_NEWS_PAGES_DIR, name);
      const expectedHtml = readFileSync(path.join(dir, 'expected.html'), 'utf8');
      const { document } = parseHTML(`<html><body>${expectedHtml}</body></html>`);
      return {
        name,
        html: new Uint8Array(readFileSync(path.join(dir, 'source.html'))),
        expectedText: document.body.textContent ?? '',
        expected: JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata,
      };
    });
}

/** Lower-cased word tokens (letters and digits). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Bag-of-words F1 between a text and the expected one: 1 when the same words occur as often. */
export function tokenF1(actual: string, expected: string): number {
  const counts = new Map<string, number>();
  const exp = wordTokens(expected);
  for (const t of exp) counts.set(t, (counts.get(t) ?? 0) + 1);
  const act = wordTokens(actual);
  let common = 0;
  for (const t of act) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / act.length;
  const recall = common / exp.length;
  return (2 * precision * recall) / (precision + recall);
}
