// An esbuild plugin that patches the bundled linkedom (the HTML reader's DOM) and Readability where they do
// work the reader never uses. Each patch keeps their behaviour; the build fails if a source no longer has the
// expected text, so an upgrade cannot skip a patch silently. Measured in docs/formats.md (Speed).
//  - Every node is an event target, and linkedom's EventTarget constructor gives each one a `Map` of listeners
//    in a module-wide WeakMap: on a saved page tens of thousands of Maps and WeakMap entries per page, about a
//    tenth of the reader's CPU plus the garbage collector's work. The Map is made by the first listener instead
//    (`invokeListeners` already allows a node without one).
//  - An element's `tagName` upper-cases its `localName` on every read, and `getElementsByTagName` does so for
//    every element it walks past (Readability asks in lower case, so the upper-cased name never matches). The
//    upper-case names are kept in a table, and a lower-case query skips the upper-case comparison: HTML's
//    parser gives lower-case local names, and a name with no lower-case letters upper-cases to itself.
//  - The parser sets each `class` attribute through `className`, which builds a DOMTokenList (a Set of the
//    tokens), and reading `className` or `getAttribute('class')` joins that Set again (building one for an
//    element without a class): Readability reads the class of nearly every element, several times. The parser
//    now writes the attribute's value as the setter would leave it (tokens split at white space, empty and
//    repeated ones dropped, joined by one space), and `className` reads it from the attribute until a
//    `classList` exists (every change through `classList` or `className` keeps the attribute the same).
//  - Readability serialises the whole page (`page.innerHTML`) before every article search, to restore it for a
//    second attempt with looser rules (a page whose first attempt finds under 500 characters): one serialisation
//    per page, while a second attempt is rare. When the reader supplies `_pageHtmlLater`, the string is made only
//    for a second attempt (the reader makes it by parsing and preparing the page again: html-readability.ts).
//  - Readability collects elements of several tags with one walk of the tree per tag (`_getAllNodesWithTag`):
//    `getElementsByTagNames` collects them in one walk, in document order, matching each name as
//    `getElementsByTagName` does (html-readability.ts uses it).
//  - Readability builds four debug messages from its article's `innerHTML` whether or not debugging is on:
//    four serialisations of the article per page. They are built only when debugging is on.
import { readFile } from 'node:fs/promises';

/** File (path suffix under node_modules) → [text, replacement, expected count] triples. */
const PATCHES = {
  '@mozilla/readability/Readability.js': [
    [
      'this.log("Article content pre-prep: " + articleContent.innerHTML);',
      'this._debug && this.log("Article content pre-prep: " + articleContent.innerHTML);',
      1,
    ],
    [
      'this.log("Article content post-prep: " + articleContent.innerHTML);',
      'this._debug && this.log("Article content post-prep: " + articleContent.innerHTML);',
      1,
    ],
    [
      'this.log("Article content after paging: " + articleContent.innerHTML);',
      'this._debug && this.log("Article content after paging: " + articleContent.innerHTML);',
      1,
    ],
    ['this.log("Grabbed: " + articleContent.innerHTML);', 'this._debug && this.log("Grabbed: " + articleContent.innerHTML);', 1],
    ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = !isPaging && this._pageHtmlLater ? null : page.innerHTML;', 1],
    ['page.innerHTML = pageCacheHtml;', 'page.innerHTML = pageCacheHtml ??= this._pageHtmlLater();', 1],
  ],
  'linkedom/esm/interface/event-target.js': [
    ['wm.set(this, new Map);', '', 1],
    ['const map = wm.get(this);', 'const map = wm.get(this) ?? (wm.set(this, new Map), wm.get(this));', 2],
  ],
  'linkedom/esm/shared/utils.js': [
    [
      'ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName',
      'ownerDocument[MIME].ignoreCase ? (UPPER_CASE.get(localName) ?? upperCase(localName)) : localName',
      1,
    ],
    [
      'export const localCase =',
      'const UPPER_CASE = new Map;\nconst upperCase = (name) => { const upper = name.toUpperCase(); if (UPPER_CASE.size < 4096) UPPER_CASE.set(name, upper); return upper; };\nexport const localCase =',
      1,
    ],
  ],
  'linkedom/esm/shared/parse-from-string.js': [
    [
      "  if (attribute.name === 'class')\n    element.className = value;",
      "  if (attribute.name === 'class')\n    attribute[VALUE] = [...new Set(String(value).split(/\\s+/).filter(Boolean))].join(' ');",
      1,
    ],
  ],
  'linkedom/esm/interface/element.js': [
    [
      '  get className() { return this.classList.value; }',
      "  get className() { return this[CLASS_LIST] ? this[CLASS_LIST].value : (this.getAttributeNode('class')?.value ?? ''); }",
      1,
    ],
  ],
  'linkedom/esm/mixin/parent-node.js': [
    [
      '    const elements = new NodeList;\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        localCase(next) === tagName',
      '    const elements = new NodeList;\n    const lowerCaseQuery = tagName === tagName.toLowerCase();\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        (!lowerCaseQuery && localCase(next) === tagName)',
      1,
    ],
    [
      '  querySelector(selectors) {',
      '  getElementsByTagNames(names) {\n    const elements = new NodeList;\n    const anyUpperCase = [...names].some((name) => name !== name.toLowerCase());\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (names.has(next.localName) || (anyUpperCase && names.has(localCase(next)))))\n        elements.push(next);\n      next = next[NEXT];\n    }\n    return elements;\n  }\n\n  querySelector(selectors) {',
      1,
    ],
  ],
};

function patched(path, source) {
  const file = Object.keys(PATCHES).find((suffix) => path.replaceAll('\\', '/').endsWith(`/node_modules/${suffix}`));
  if (!file) return null;
  let out = source;
  for (const [text, replacement, count] of PATCHES[file]) {
    const found = out.split(text).length - 1;
    if (found !== count)
      throw new Error(`reader-patches: ${path} changed (expected ${count} × ${JSON.stringify(text.slice(0, 60))}, found ${found})`);
    out = out.replaceAll(text, replacement);
  }
  return out;
}

/** @type {import('esbuild').Plugin} */
export const readerPatches = {
  name: 'reader-patches',
  setup(build) {
    build.onLoad({ filter: /(?:linkedom[\\/]esm[\\/](?:interface|shared|mixin)[\\/][\w-]+|Readability)\.js$/ }, async (args) => {
      const contents = patched(args.path, await readFile(args.path, 'utf8'));
      return contents === null ? undefined : { contents, loader: 'js' };
    });
  },
};
