/**
 * Which attributes of a saved page survive the pre-pass (`html-prepare.ts`): those Readability 0.6 reads
 * (scoring by class and id, visibility, bylines, data tables, link density) and those the metadata reader
 * reads (meta tags, canonical link, language). Everything else — data-*, event handlers, inline styles,
 * tracking attributes — is dropped, since each attribute is a node to build and to walk past.
 */

/** Attributes kept on every element. */
const KEPT = new Set([
  'id',
  'class',
  'href',
  'rel',
  'itemprop',
  'lang',
  'dir',
  'role',
  'hidden',
  'aria-hidden',
  'aria-modal',
  'name',
  'property',
  'content',
  'charset',
  'type',
  'colspan',
  'rowspan',
  'datatable',
  'summary',
  'src',
  'srcset',
  'poster',
]);

/** Elements whose every attribute is kept: Readability keeps an image only if an attribute looks like one. */
const ALL_KEPT = new Set(['img', 'picture', 'source', 'video', 'audio', 'embed', 'figure']);

/** A style that hides the element: the only part of `style` Readability reads (`display`, `visibility`). */
const HIDING_STYLE_RE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const ATTR_RE = /([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]*))?/g;

/** The kept attributes of a tag, as ` name="value"` text (linear in the attribute text). */
export function filterAttributes(element: string, attrs: string): string {
  if (ALL_KEPT.has(element)) return withoutSelfClose(attrs);
  let out = '';
  // One pattern for every tag (made anew per tag, it cost more than the matching): the loop runs to its end.
  const re = ATTR_RE;
  re.lastIndex = 0;
  for (let m = re.exec(attrs); m; m = re.exec(attrs)) {
    const name = m[1].toLowerCase();
    const value = m[2];
    if (name === 'style') {
      const hiding = value ? HIDING_STYLE_RE.exec(value) : null;
      if (hiding) out += ` style="${hiding[0]}"`;
      continue;
    }
    if (KEPT.has(name)) out += value === undefined ? ` ${name}` : ` ${name}=${value}`;
  }
  return out;
}

/** Attribute text without a trailing `/` (the caller writes it back). */
function withoutSelfClose(attrs: string): string {
  const trimmed = attrs.trimEnd();
  return trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed;
}
