import { cleanInline, isoDate } from './clean-text';
import type { DomDocument } from './html-dom';
import type { SourceMetadata } from '../../domain/source-text';

type Json = unknown;

/** Article types of schema.org whose JSON-LD describes the page's article. */
const ARTICLE_TYPES =
  /(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|WebPage)$/;

function asArray(v: Json): Json[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function obj(v: Json): Record<string, Json> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;
}

function str(v: Json): string | null {
  if (typeof v === 'string') return cleanInline(v) || null;
  const o = obj(v);
  return o ? str(o.name ?? o['@value'] ?? null) : null;
}

/** The article objects of every JSON-LD block (following `@graph` and arrays), best type first. */
function jsonLdArticles(doc: DomDocument): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    if (!/application\/ld\+json/i.test(scripts[i].getAttribute('type') ?? '')) continue;
    let data: Json;
    try {
      data = JSON.parse(scripts[i].textContent ?? '');
    } catch {
      continue;
    }
    const queue = asArray(data);
    // Bounded walk: JSON-LD from a page is untrusted.
    for (let k = 0; k < queue.length && k < 200; k++) {
      const o = obj(queue[k]);
      if (!o) continue;
      if (o['@graph']) queue.push(...asArray(o['@graph']));
      const types = asArray(o['@type']).filter((t): t is string => typeof t === 'string');
      if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(o);
    }
  }
  // A page's WebPage object is less specific than its article.
  return found.sort((a, b) => Number(asArray(a['@type']).includes('WebPage')) - Number(asArray(b['@type']).includes('WebPage')));
}

/** `<meta property|name=… content=…>` values, keys lower-cased; the first of each wins. */
function metaTags(doc: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = cleanInline(m.getAttribute('content') ?? '');
    if (key && content && !out.has(key)) out.set(key, content);
  }
  return out;
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (v && v.trim()) return cleanInline(v);
  return null;
}

/** Author names of a JSON-LD `author` value (a person, an organisation, or a list of them). */
function jsonLdAuthors(v: Json): string[] {
  return asArray(v)
    .map(str)
    .filter((s): s is string => s !== null && !/^https?:/.test(s));
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?';
/** Weekdays, written dates, times and time zones inside a byline. */
const DATE_IN_BYLINE_RE = new RegExp(
  `\\b(?:${WEEKDAY}\\s*)?(?:${MONTH}\\s+\\d{1,2},?\\s*\\d{4}|\\d{1,2}\\s+${MONTH},?\\s*\\d{4})|\\b\\d{1,2}:\\d{2}(?:\\s*[AP]\\.?M\\.?)?(?:\\s*(?:UTC|GMT|[ECMP][SD]T))?|\\b${WEEKDAY}(?=\\s)`,
  'gi',
);

/** A job description beside a name in a byline ("By A, Local Democracy Reporter"), not a name. */
const ROLE_RE =
  /\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|columnists?|journalists?|photographers?|producers?)\b/i;

/** A byline as author names: "By A and B" → [A, B]; a byline that is only the outlet's name stays one name. */
export function bylineAuthors(byline: string | null): string[] {
  if (!byline) return [];
  const text = cleanInline(byline)
    .replace(/^by\s+/i, '')
    .replace(/\s*[|\u2022].*$/, '')
    // A byline often ends with the date and time: "GILLIAN MOHNEY March 11, 2015 3:46 PM".
    .replace(DATE_IN_BYLINE_RE, ' ')
    .replace(/\b(?:updated|published|posted|last|at|on)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return [];
  return text
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && s.length < 80 && /\p{L}{2}/u.test(s) && !ROLE_RE.test(s));
}

/** A DOI in a string (a bare `10.x/…` or a doi.org link), or null. */
function doiOf(value: string | null): string | null {
  const m = value ? /\b(10\.\d{4,9}\/[^\s"<>]+)/.exec(value) : null;
  return m ? m[1].replace(/[.,;]$/, '') : null;
}

function httpUrl(value: string | null): string | null {
  return value && /^https?:\/\/\S+$/i.test(value.trim()) ? value.trim() : null;
}

interface Microdata {
  headline: string | null;
  date: string | null;
  authors: string[];
}

/** The page's schema.org microdata: `itemprop` headline, datePublished and author (a person's `name`, or the text). */
function microdata(doc: DomDocument): Microdata {
  const found: Microdata = { headline: null, date: null, authors: [] };
  const items = doc.querySelectorAll('[itemprop]');
  for (let i = 0; i < items.length; i++) {
    const el = items[i];
    const itemprop = el.getAttribute('itemprop');
    if (!itemprop) continue;
    const props = itemprop.toLowerCase().split(/\s+/);
    const value = (): string | null => first(el.getAttribute('content'), el.getAttribute('datetime'), el.textContent);
    if (props.includes('headline')) found.headline ??= value();
    if (props.includes('datepublished')) found.date ??= value();
    if (props.includes('author')) {
      const name = el.querySelectorAll('[itemprop~="name"]')[0];
      const author = first(name?.getAttribute('content'), name?.textContent, el.getAttribute('content'), el.textContent);
      if (author && author.length < 80 && !found.authors.includes(author)) found.authors.push(author);
    }
  }
  return found;
}

/** What the page's head says about itself, read before Readability changes the document. */
export interface PageMetadata extends SourceMetadata {
  /** The page's `<title>`. */
  pageTitle: string | null;
  /** The headline marked up in the page's body (microdata), which a `<title>` like "Site: Section" may not give. */
  headline: string | null;
}

/** Metadata from `<title>`, OpenGraph and other meta tags, `<link rel=canonical>`, `<html lang>` and JSON-LD. */
export function pageMetadata(doc: DomDocument, savedFrom: string | null): PageMetadata {
  const meta = metaTags(doc);
  const article = jsonLdArticles(doc)[0] ?? {};
  const publisher = obj(article.publisher);
  const links = doc.getElementsByTagName('link');
  let canonical: string | null = null;
  for (let i = 0; i < links.length && canonical === null; i++)
    if ((links[i].getAttribute('rel') ?? '').toLowerCase() === 'canonical') canonical = links[i].getAttribute('href');
  const micro = microdata(doc);
  const ldAuthors = jsonLdAuthors(article.author);
  const authors = ldAuthors.length ? ldAuthors : micro.authors;
  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('citation_author') ?? meta.get('dc.creator') ?? null;
  const url = httpUrl(first(canonical, meta.get('og:url'), str(article.url), str(article.mainEntityOfPage), savedFrom));
  return {
    pageTitle: first(doc.title),
    headline: micro.headline,
    title: first(
      str(article.headline),
      meta.get('og:title'),
      meta.get('twitter:title'),
      meta.get('citation_title'),
      meta.get('dc.title'),
      micro.headline,
      doc.title,
    ),
    authors: authors.length ? authors : bylineAuthors(metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null),
    outlet: first(
      meta.get('og:site_name'),
      publisher ? str(publisher.name) : null,
      meta.get('application-name'),
      meta.get('citation_journal_title'),
    ),
    date: isoDate(
      first(
        str(article.datePublished),
        meta.get('article:published_time'),
        meta.get('datepublished'),
        meta.get('date'),
        meta.get('pubdate'),
        meta.get('citation_publication_date'),
        meta.get('dc.date'),
        meta.get('dcterms.created'),
        str(article.dateCreated),
        micro.date,
        meta.get('og:updated_time'),
      ),
    ),
    url,
    doi: doiOf(first(meta.get('citation_doi'), meta.get('dc.identifier'), meta.get('prism.doi'))),
    language: first(doc.documentElement?.getAttribute('lang'), meta.get('og:locale')?.replace('_', '-'), str(article.inLanguage)),
  };
}
