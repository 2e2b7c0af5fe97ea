// An esbuild plugin that patches the bundled linkedom (the HTML reader's DOM) where it does work the reader
// never uses. Each patch keeps linkedom's behaviour; the build fails if linkedom's source no longer has the
// expected text, so an upgrade cannot skip a patch silently. Measured in docs/formats.md (Speed).
//  - Every node is an event target, and linkedom's EventTarget constructor gives each one a `Map` of listeners
//    in a module-wide WeakMap: on a saved page tens of thousands of Maps and WeakMap entries per page, about a
//    tenth of the reader's CPU plus the garbage collector's work. The Map is made by the first listener instead
//    (`invokeListeners` already allows a node without one).
//  - An element's `tagName` upper-cases its `localName` on every read, and `getElementsByTagName` does so for
//    every element it walks past (Readability asks in lower case, so the upper-cased name never matches). The
//    upper-case names are kept in a table, and a lower-case query skips the upper-case comparison: HTML's
//    parser gives lower-case local names, and a name with no lower-case letters upper-cases to itself.
import { readFile } from 'node:fs/promises';

/** File (path suffix under linkedom/esm or /cjs) → [text, replacement, expected count] pairs. */
const PATCHES = {
  'interface/event-target.js': [
    ['wm.set(this, new Map);', '', 1],
    ['const map = wm.get(this);', 'const map = wm.get(this) ?? (wm.set(this, new Map), wm.get(this));', 2],
  ],
  'shared/utils.js': [
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
  'mixin/parent-node.js': [
    [
      '    const elements = new NodeList;\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        localCase(next) === tagName',
      '    const elements = new NodeList;\n    const lowerCaseQuery = tagName === tagName.toLowerCase();\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n      if (next.nodeType === ELEMENT_NODE && (\n        next.localName === tagName ||\n        (!lowerCaseQuery && localCase(next) === tagName)',
      1,
    ],
  ],
};

function patched(path, source) {
  const file = Object.keys(PATCHES).find((suffix) => path.replaceAll('\\', '/').endsWith(`/linkedom/esm/${suffix}`));
  if (!file) return null;
  let out = source;
  for (const [text, replacement, count] of PATCHES[file]) {
    const found = out.split(text).length - 1;
    if (found !== count)
      throw new Error(`linkedom-patches: ${path} changed (expected ${count} × ${JSON.stringify(text.slice(0, 60))}, found ${found})`);
    out = out.replaceAll(text, replacement);
  }
  return out;
}

/** @type {import('esbuild').Plugin} */
export const linkedomPatches = {
  name: 'linkedom-patches',
  setup(build) {
    build.onLoad({ filter: /linkedom[\\/]esm[\\/](?:interface|shared|mixin)[\\/][\w-]+\.js$/ }, async (args) => {
      const contents = patched(args.path, await readFile(args.path, 'utf8'));
      return contents === null ? undefined : { contents, loader: 'js' };
    });
  },
};
