/**
 * Readability's helpers replaced by equivalents that are cheap on linkedom, or skipped where the reader never
 * reads what they do (absolute link addresses). Readability 0.6 is written against a browser DOM; on linkedom,
 * two of its helpers cost far more than the work they do:
 *  - collecting elements by tag with `querySelectorAll("a,b")`: linkedom compiles the selector anew on every
 *    call, and Readability calls it once per paragraph in places;
 *  - `_isProbablyVisible` reads `node.style`, for which linkedom builds a style object (a Proxy over a Map,
 *    parsed from the attribute) on every element Readability visits.
 * Each replacement returns what the original returns on the pages the reader gives it (see the comments).
 */
import type { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './html-dom';

interface VisibilityElement extends DomElement {
  hasAttribute(name: string): boolean;
  readonly className: string;
}

interface TagNamesWalk {
  getElementsByTagNames(names: ReadonlySet<string>): ArrayLike<DomElement>;
}

/**
 * The elements under `node` with one of the tag names, one tag after the other: Readability's own fallback for
 * a DOM without `querySelectorAll`, or (bundled) one walk in document order. The same elements as the selector
 * (which differs only inside `<template>`, cut by the pre-pass); every caller counts, removes or visits them one
 * by one, so their order does not matter.
 */
function elementsByTags(node: DomElement, tagNames: readonly string[]): ArrayLike<DomElement> {
  // One walk for all the tags where the bundled linkedom has it (scripts/esbuild-reader-patches.mjs).
  const oneWalk = (node as Partial<TagNamesWalk>).getElementsByTagNames;
  if (tagNames.length > 1 && oneWalk) return oneWalk.call(node, new Set(tagNames));
  const out: DomElement[] = [];
  for (const tag of tagNames) {
    const found = node.getElementsByTagName(tag);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
  return out;
}

/**
 * The `display` and `visibility` of a `style` attribute, read as linkedom's style object reads it: declarations
 * split at `;`, name and value split at the first `:` and trimmed, the last declaration of a name winning.
 */
function hidingStyle(style: string): boolean {
  let display = '';
  let visibility = '';
  for (const rule of style.split(/\s*;\s*/)) {
    const colon = rule.indexOf(':');
    if (colon < 0) continue;
    const name = rule.slice(0, colon).trim();
    const value = rule.slice(colon + 1).trim();
    if (!value) continue;
    if (name === 'display') display = value;
    else if (name === 'visibility') visibility = value;
  }
  return display === 'none' || visibility === 'hidden';
}

/**
 * Readability's visibility test (`style.display`, `style.visibility`, `hidden`, `aria-hidden` unless a
 * "fallback-image"), reading the `style` attribute instead of building linkedom's style object. The pre-pass
 * keeps `style` only where it hides the element (or on media elements), so most elements have none.
 */
function isProbablyVisible(node: VisibilityElement): boolean {
  const style = node.getAttribute('style');
  if (style !== null && hidingStyle(style)) return false;
  if (node.hasAttribute('hidden')) return false;
  return node.getAttribute('aria-hidden') !== 'true' || node.className.includes('fallback-image');
}

/**
 * Readability's last step makes every link and image address absolute (and turns `javascript:` links into
 * their text, inline as the link was): the blocks read no address, so the walk over the article is skipped.
 */
function keepAddresses(): void {}

interface WalkedNode extends DomNode {
  readonly firstChild: WalkedNode | null;
  readonly nextSibling: WalkedNode | null;
}

interface ContentElement extends WalkedNode {
  readonly children: ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

const CDATA_SECTION_NODE = 4;
const NON_BLANK_RE = /\S/;

/**
 * Whether any text under the node is more than white space: `textContent.trim().length` without building the
 * text (the same nodes, text and CDATA, and the same white space: `\s` is what `trim` removes). Readability
 * asks this of every `div`, `section`, `header` and heading, the outermost first, so the full text of the
 * article was built many times over where the first words answer.
 */
function hasText(node: WalkedNode): boolean {
  const after: (WalkedNode | null)[] = [];
  let n = node.firstChild;
  while (n) {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      if (NON_BLANK_RE.test(n.textContent ?? '')) return true;
    } else if (n.nodeType === ELEMENT_NODE && n.firstChild) {
      after.push(n.nextSibling);
      n = n.firstChild;
      continue;
    }
    n = n.nextSibling;
    while (!n && after.length) n = after.pop() ?? null;
  }
  return false;
}

/** Readability's `_isElementWithoutContent`, with the text test of `hasText`. */
function isElementWithoutContent(node: ContentElement): boolean {
  if (node.nodeType !== ELEMENT_NODE || hasText(node)) return false;
  const children = node.children.length;
  return !children || children === node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length;
}

interface BylineElement extends DomElement {
  readonly textContent: string;
}

/**
 * Readability's `_isValidByline` with its cheap test first: it built each element's whole text before looking
 * at the element's `rel`, `itemprop` and class (the html and body elements' text included), and only an
 * element that looks like a byline needs it.
 */
function isValidByline(this: { REGEXPS: { byline: RegExp } }, node: BylineElement, matchString: string): boolean {
  const itemprop = node.getAttribute('itemprop');
  if (!(node.getAttribute('rel') === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString)))
    return false;
  const length = node.textContent.trim().length;
  return length > 0 && length < 100;
}

/** The reader with the helpers replaced (on this instance only). */
export function withDomShortcuts(reader: Readability<DomNode>): Readability<DomNode> {
  Object.assign(reader, {
    _getAllNodesWithTag: elementsByTags,
    _isProbablyVisible: isProbablyVisible,
    _fixRelativeUris: keepAddresses,
    _isElementWithoutContent: isElementWithoutContent,
    _isValidByline: isValidByline,
  });
  return reader;
}

interface PreparingReader {
  _unwrapNoscriptImages(doc: unknown): void;
  _removeScripts(doc: unknown): void;
  _prepDocument(): void;
}

/**
 * The page's body as Readability's article search first sees it: after its own preparation (images out of
 * `<noscript>`, scripts removed, `<br><br>` made paragraphs, `<font>` made `<span>`), serialised. The document is
 * consumed.
 */
export function preparedBodyHtml(reader: Readability<DomNode>, doc: { readonly body: { readonly innerHTML: string } | null }): string {
  const steps = reader as unknown as PreparingReader;
  steps._unwrapNoscriptImages(doc);
  steps._removeScripts(doc);
  steps._prepDocument();
  return doc.body?.innerHTML ?? '';
}

/**
 * Lets the bundled Readability (scripts/esbuild-reader-patches.mjs) skip serialising the page before its
 * article search: `later` makes the same string (`preparedBodyHtml` of the page parsed again) for the rare
 * second attempt. Unbundled, Readability serialises the page as it always does.
 */
export function withPageHtmlLater(reader: Readability<DomNode>, later: () => string): Readability<DomNode> {
  Object.assign(reader, { _pageHtmlLater: later });
  return reader;
}
