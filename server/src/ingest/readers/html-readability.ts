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
import type { DomElement, DomNode } from './html-dom';

interface VisibilityElement extends DomElement {
  hasAttribute(name: string): boolean;
  readonly className: string;
}

/**
 * The elements under `node` with one of the tag names, one tag after the other: Readability's own fallback for
 * a DOM without `querySelectorAll`. The same elements as the selector (which differs only inside `<template>`,
 * cut by the pre-pass); every caller counts, removes or visits them one by one, so their order does not matter.
 */
function elementsByTags(node: DomElement, tagNames: readonly string[]): DomElement[] {
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

/** The reader with the helpers replaced (on this instance only). */
export function withDomShortcuts(reader: Readability<DomNode>): Readability<DomNode> {
  Object.assign(reader, { _getAllNodesWithTag: elementsByTags, _isProbablyVisible: isProbablyVisible, _fixRelativeUris: keepAddresses });
  return reader;
}
