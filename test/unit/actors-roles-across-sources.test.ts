/** A card's roles gathered from several sources: a title given without its body joins the one body given with it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { harness } from '../helpers/fixture';

interface RolesCase {
  what: string;
  /** One invented source per entry: a headline and one paragraph. */
  sources: string[];
  hover: string;
  /** The card's role lines, as written (Markdown escapes removed), in order. */
  roles: string[];
}

const cases: RolesCase[] = [
  {
    what: 'a title without its body joins the one body the other sources give it',
    sources: [
      'Talks resume\n\nAda Brennor, the foreign minister of Veldavia, said the talks would resume on Monday.',
      'Border deal\n\nForeign Minister Ada Brennor said the border deal was close.',
      'Port visit\n\nThe foreign minister, Ada Brennor, visited the port on Friday.',
    ],
    hover: 'Ada Brennor',
    roles: ['Foreign Minister (Veldavia) — 3 sources: `talks-resume`, `border-deal`, `port-visit`'],
  },
  {
    what: 'a title given with two bodies stays apart from both when a source names no body',
    sources: [
      'Board named\n\nTomas Ferrant, the chairman of Orlin Mining, said the board was complete.',
      'Club news\n\nTomas Ferrant, the chairman of Dunmore Rovers, said the season would start late.',
      'Dinner held\n\nThe chairman, Tomas Ferrant, spoke at the dinner on Saturday.',
    ],
    hover: 'Tomas Ferrant',
    roles: [
      'Chairman (Orlin Mining) — 1 source: `board-named`',
      'Chairman (Dunmore Rovers) — 1 source: `club-news`',
      'Chairman — 1 source: `dinner-held`',
    ],
  },
];

for (const c of cases) {
  test(`roles across sources: ${c.what}`, async () => {
    const files = Object.fromEntries(c.sources.map((s, i) => [`roles/${i}.txt`, `${s}\n`]));
    const h = await harness(files);
    try {
      const text = `Notes.\n\nWe read about ${c.hover} today.\n`;
      const doc = h.draft(text, 1, 'roles.md');
      const hover = await h.service.hover(doc, doc.positionAt(text.indexOf(c.hover) + 1));
      const value = hover ? (hover.contents as MarkupContent).value.replace(/\\([\\`*_{}[\]()#+\-.!|<>~'])/g, '$1') : '';
      const lines = value.split('\n').filter((l) => l !== '');
      const roles: string[] = [];
      for (let i = lines.indexOf('Roles:') + 1; i > 0 && lines[i]?.startsWith('- '); i++) roles.push(lines[i].slice(2));
      assert.deepEqual(roles, c.roles, value);
    } finally {
      h.service.dispose();
    }
  });
}
