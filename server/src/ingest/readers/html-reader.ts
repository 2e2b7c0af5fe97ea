import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanInline, isoDate } from './clean-text';
import { isBoilerplate, withoutTrailingCredit } from './html-boilerplate';
import { htmlBlocks } from './html-blocks';
import { decodeHtml } from './html-decode';
import type { DomDocument, DomNode } from './html-dom';
import { bylineAuthors, pageMetadata, type PageMetadata } from './html-metadata';
import { prepareHtml } from './html-prepare';
import { preparedBodyHtml, withDomShortcuts, withPageHtmlLater } from './html-readability';
import type { ReadResult, SourceMetadata } from '../../domain/source-text';
import { withTitle } from './title-block';

/** A DOM implementation's HTML parser, so that candidates (linkedom, jsdom) can be measured against each other. */
export type HtmlParser = (html: string) => DomDocument;

/** linkedom: a fast, spec-light DOM, enough for Readability (chosen by measurement: docs/formats.md). */
export const linkedomParser: HtmlParser = (html) => parseHTML(html).document;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

interface Found {
  article: NonNullable<ReturnType<Readability<DomNode>['parse']>>;
  page: PageMetadata;
}

/** A Readability over the document, with the reader's shortcuts; the document is consumed. */
function newReadability(doc: DomDocument): Readability<DomNode> {
  // Readability keeps the content element itself (no serialise-and-reparse).
  // keepClasses: the blocks never read a class, so Readability need not walk the article to strip them.
  return withDomShortcuts(new Readability<DomNode>(doc as never, { serializer: (node: unknown) => node as DomNode, keepClasses: true }));
}

/** Readability's article of a cleaned page, with the page's own metadata; null when it finds none. */
function readArticle(html: string, savedFrom: string | null, parse: HtmlParser): Found | null {
  const doc = parse(html);
  const page = pageMetadata(doc, savedFrom);
  const reader = withPageHtmlLater(newReadability(doc), () => {
    const again = parse(html);
    return preparedBodyHtml(newReadability(again), again);
  });
  const article = reader.parse();
  return article?.content ? { article, page } : null;
}

/**
 * Reads a saved web page: the main article's text (Readability: no scripts, navigation, ads or comments)
 * in blocks, and its metadata from the head (`<title>`, OpenGraph, JSON-LD) and the byline.
 */
export function readHtml(bytes: Uint8Array, parse: HtmlParser = linkedomParser, whole = false): ReadResult {
  const { text: raw, note } = decodeHtml(bytes);
  const prepared = prepareHtml(raw);
  // The article's region first (a smaller DOM to build and score); the whole page when that finds nothing.
  const found =
    (!whole && prepared.region !== null && readArticle(prepared.region, prepared.savedFrom, parse)) ||
    readArticle(prepared.html(), prepared.savedFrom, parse);
  if (!found) return { ok: false, reason: 'no readable article text in the page' };
  const { article, page } = found;
  const bylineKey = article.byline
    ? cleanInline(article.byline)
        .toLowerCase()
        .replace(/^by\s+/, '')
    : null;
  // A byline Readability recognised from the page's metadata may still stand in the article as a paragraph.
  const blocks = htmlBlocks(article.content as DomNode)
    .filter((b) => !isBoilerplate(b.text))
    .map((b) => ({ ...b, text: withoutTrailingCredit(b.text) }))
    .filter((b) => !bylineKey || b.text.toLowerCase().replace(/^by\s+/, '') !== bylineKey);
  if (blocks.length === 0) return { ok: false, reason: 'no readable article text in the page' };
  // Readability's title comes from the head's metadata, else from <title>; a headline marked up in the body beats <title>.
  const fromHead = page.title !== null && page.title !== page.headline && page.title !== page.pageTitle;
  const title = (fromHead ? null : page.headline) || cleanInline(article.title ?? '') || page.title || page.pageTitle;
  const byline = bylineAuthors(article.byline ?? null);
  const meta: SourceMetadata = {
    title,
    authors: byline.length ? byline : page.authors,
    outlet: cleanInline(article.siteName ?? '') || page.outlet || hostOf(page.url),
    date: isoDate(article.publishedTime) ?? page.date,
    url: page.url,
    doi: page.doi,
    language: cleanInline(article.lang ?? '') || page.language,
  };
  return { ok: true, source: { format: 'html', blocks: withTitle(title, blocks), meta }, ...(note ? { note } : {}) };
}
