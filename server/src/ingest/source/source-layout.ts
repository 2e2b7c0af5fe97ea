/**
 * Data-driven rules for the non-content parts of an article: site chrome,
 * photo credits, datelines and bylines. General web-news conventions, not
 * tuned to any one outlet.
 */

/** Whole lines that are site navigation or widgets, compared lower-cased and trimmed. */
export const CHROME_LINES: ReadonlySet<string> = new Set([
  'most popular',
  'most read',
  'search',
  'date archive',
  'archive',
  'advertisement',
  'advert',
  'share',
  'share this',
  'share this article',
  'share this story',
  'related',
  'related articles',
  'related stories',
  'related topics',
  'read more',
  'more stories',
  'comments',
  'subscribe',
  'sign up',
  'newsletter',
  'follow us',
  'tags',
  'print',
  'email',
  'top stories',
  'trending',
  'back to top',
  'skip to content',
  'menu',
  'home',
  'latest news',
  'you may also like',
  'recommended',
  'editor\u2019s picks',
  "editor's picks",
  'load more',
  'close',
  'next article',
  'previous article',
]);

/** Patterns of lines that are captions, credits or metadata rather than prose. */
export const CREDIT_LINE_PATTERNS: readonly RegExp[] = [
  /^\(?\s*(?:photo|image|picture|video)s?(?:\s+credits?)?\s*:/i,
  /^\(?\s*credits?\s*:/i,
  /[\u2014\u2013-]\s*(?:AFP|AP|Reuters|EPA|Getty(?: Images)?|Anadolu(?: Agency)?|dpa|Xinhua|file|photo)(?:\s+(?:file|photo|images?))*\s*\.?\s*$/i,
  /^(?:source link|source|url|link|originally published(?: at)?)\s*:\s*\S+/i,
  /^(?:copyright|\u00a9)\s/i,
];

/** `date 2024-12-06` at the start of an article. */
export const DATE_TAG_RE = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*/i;

/** A dateline place after the date tag: `ANKARA (Agencies):` or `BEIRUT —`. */
export const DATELINE_PLACE_RE =
  /^([A-Z][A-Z.'\- ]{1,40}?)\s*(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\(([^)]{1,40})\))?\s*(?::|\u2014|\u2013|--)\s*/;

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `September 24 2022`, `Sept. 24, 2022`, `24 September 2022`. */
export const WRITTEN_DATE_RE =
  /\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4}))\b/;

/** Opening words of a byline or publication line: "By News Desk - September 24 2022", "Published: 3 May 2021". */
export const BYLINE_START_RE = /^(?:by|published|updated|posted|first published|last updated)\b/i;

/** Source-link line that names the outlet. */
export const SOURCE_LINK_RE =
  /^\s*(?:source link|source|originally published(?: at)?)\s*:\s*(?:https?:\/\/)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})/i;
