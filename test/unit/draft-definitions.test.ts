/**
 * One-line definitions are taken out of a draft before the Markdown parse (for speed); the footnote definitions
 * found that way must be exactly those micromark finds (key, span), whatever the surroundings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Nodes } from 'mdast';
import { parseDraft } from '../../server/src/features/drafts/parse-draft';

const DRAFTS: [string, string][] = [
  ['alone', 'Claim one.[^a]\n\n[^a]: Source one.\n'],
  ['indented, upper case, trailing spaces', 'Claim one.[^a]\n\n  [^A]: Source one.   \n\nNext para.'],
  ['lazy continuation line', 'Claim.[^a]\n\n[^a]: Source\ncontinues lazily.\n'],
  ['indented continuation line', 'Claim.[^a]\n\n[^a]: Source\n    indented more.\n'],
  ['right after a paragraph line', 'Para\n[^a]: after a paragraph line\n\nx'],
  ['CRLF, two in a row', 'Claim.[^a]\r\n\r\n[^a]: Source one.\r\n\r\n[^b]: Two.\r\n'],
  ['inside a block quote', '> Claim.[^a]\n>\n> [^a]: In a quote.\n'],
  ['after a list', '- item\n\n[^x]: after list.\n'],
  ['no text', 'Claim.[^a]\n\n[^a]:\n\nnext'],
  ['next to a link definition', '[r]: https://example.org\n[^a]: Footnote.\n\nText [^a].'],
];

function micromarkDefinitions(text: string): string[] {
  const tree = fromMarkdown(text, { extensions: [{ document: gfmFootnote().document }], mdastExtensions: [gfmFootnoteFromMarkdown()] });
  const out: string[] = [];
  const stack: Nodes[] = [tree];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.type === 'footnoteDefinition' && n.position) out.push(`${n.identifier}@${n.position.start.offset}-${n.position.end.offset}`);
    if ('children' in n) stack.push(...[...n.children].reverse());
  }
  return out;
}

for (const [name, text] of DRAFTS) {
  test(`draft footnote definitions equal micromark's: ${name}`, () => {
    const ours = parseDraft('file:///d.md', 1, text).footnoteDefinitions.map((f) => `${f.key}@${f.start}-${f.end}`);
    assert.deepEqual(ours, micromarkDefinitions(text));
  });
}
