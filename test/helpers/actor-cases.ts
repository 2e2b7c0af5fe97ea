/** One runner for the invented-article actor cases: each article is a source, each case hovers a name in a draft. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { harness, type Harness } from './fixture';

export interface ActorCase {
  what: string;
  article: string;
  /** The name hovered in a draft. */
  hover: string;
  /** The card's name; null: no card, or a card that is not a person's (`notPerson`). */
  card: string | null;
  /** A role the card must list (lower-case comparison), if any. */
  role?: string;
  /** A card may exist, but not a person's. */
  notPerson?: boolean;
}

interface Card {
  name: string;
  type: string;
  roles: string[];
}

/** The card hover shows for `name` written in a draft, parsed from its Markdown; null when there is none. */
async function cardFor(h: Harness, name: string, draftName: string): Promise<Card | null> {
  const text = `Notes.\n\nWe read about ${name} today.\n`;
  const doc = h.draft(text, 1, draftName);
  const hover = await h.service.hover(doc, doc.positionAt(text.indexOf(name) + 1));
  const value = hover ? (hover.contents as MarkupContent).value.replace(/\\([\\`*_{}[\]()#+\-.!|<>~'])/g, '$1') : '';
  const head = /^\*\*(.+?)\*\*\s*\n\s*\n\*([^*]+)\*/.exec(value);
  if (!head) return null;
  return { name: head[1], type: head[2].trim(), roles: [...value.matchAll(/^- (.+?): /gm)].map((m) => m[1].toLowerCase()) };
}

/** Registers one test per case, named `<label>: <what>`, over one service holding every case's article. */
export function runActorCases(label: string, cases: ActorCase[]): void {
  let h: Harness;
  let n = 0;
  const folder = label.replace(/\W+/g, '-');
  before(async () => {
    const files: Record<string, string> = {};
    cases.forEach((c, i) => (files[`${folder}/${String(i).padStart(2, '0')}.txt`] = `A headline\n\n${c.article}\n`));
    h = await harness(files);
  });
  after(() => h.service.dispose());
  for (const c of cases) {
    test(`${label}: ${c.what}`, async () => {
      const got = await cardFor(h, c.hover, `${folder}-${n++}.md`);
      if (c.notPerson) {
        assert.notEqual(got?.type, 'person', `${c.hover} → ${JSON.stringify(got)}`);
        return;
      }
      assert.equal(got?.name ?? null, c.card, `${c.hover} → ${JSON.stringify(got)}`);
      if (c.role)
        assert.ok(
          got?.roles.some((r) => r.includes(c.role ?? '')),
          `${c.hover}: ${c.role} not in ${JSON.stringify(got?.roles)}`,
        );
    });
  }
}
