/**
 * Plain text of a saved page's expected article HTML (corpora/web-news/pages/x/expected.html), for the
 * evaluation only: the title from its metadata as the first line, then one paragraph per block element.
 * A small tag stripper is enough here: the expected HTML is already the clean article body.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const BLOCK =
  /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|header|footer|table|tr|td|th|pre|hr)\b[^>]*>|<br\s*\/?>/gi;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  eacute: '\u00e9',
  copy: '\u00a9',
};

/** Decodes numeric and the common named character references. */
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** The article text of expected.html: paragraphs separated by blank lines, title first. */
export function webArticleText(pageDir: string): string {
  const html = readFileSync(path.join(pageDir, 'expected.html'), 'utf8');
  const meta = JSON.parse(readFileSync(path.join(pageDir, 'expected-metadata.json'), 'utf8')) as { title?: string };
  const body = decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
      .replace(BLOCK, '\n\n')
      .replace(/<[^>]+>/g, ''),
  );
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  const title = (meta.title ?? '').replace(/\s+/g, ' ').trim();
  return [title, ...paragraphs].filter((p) => p.length > 0).join('\n\n') + '\n';
}
