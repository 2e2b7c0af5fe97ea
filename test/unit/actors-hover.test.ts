/** Actor hover cards, navigation and the Show Actor requests, on the seed corpus and on BBC articles. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { actorCardMarkdown } from '../../server/src/features/actors/actor-card';
import type { ServiceContext } from '../../server/src/features/context';
import { createKnowledge } from '../../server/src/store/memory/knowledge';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { bbcFiles, cursor, harness, type Harness } from '../helpers/fixture';

let seeds: Harness;
let n = 0;

before(async () => {
  seeds = await harness();
});

async function hoverAt(h: Harness, fixture: string): Promise<Hover | null> {
  const { text, offset } = cursor(fixture);
  const doc = h.draft(text, 1, `hover-${n++}.md`);
  return h.service.hover(doc, doc.positionAt(offset));
}
const value = (h: Hover | null): string => (h ? (h.contents as MarkupContent).value : '');
const firstLine = (h: Hover | null): string => value(h).split('\n')[0] ?? '';

const ACCEPTANCE: [string, string, string | null][] = [
  ['Fida|n', '**Hakan Fidan**', 'Foreign Minister \\(Turkey\\)'],
  ['Aragh|chi', '**Abbas Araghchi**', 'Foreign Minister \\(Iran\\)'],
  ['As|sad', '**Bashar al\\-Assad**', 'President \\(Syria\\)'],
  ['H|TS', "**Hay\\'at Tahrir al\\-Sham**", null],
  ['P|KK', "**Kurdistan Workers\\' Party**", null],
  ['YP|G', "**Kurdish People\\'s Defence Units**", null],
];

for (const [word, name, role] of ACCEPTANCE) {
  test(`hover: ${word.replace('|', '')} in a draft shows ${name}${role ? ` with ${role}` : ''}`, async () => {
    const h = await hoverAt(seeds, `The report says ${word} was involved.`);
    assert.equal(firstLine(h), name);
    if (role) assert.ok(value(h).includes(role), value(h));
  });
}

test('hover: a role that changed shows both, newest first, with years and source counts', async () => {
  const v = value(await hoverAt(seeds, 'Then Hakan Fi|dan spoke.'));
  const fm = v.indexOf('Foreign Minister \\(Turkey\\) — 2024, 3 sources');
  const intel = v.indexOf('Intelligence chief \\(Turkey\\) — 2022, 1 source');
  assert.ok(fm > 0 && intel > fm, v);
});

test('hover: the card lists type, aliases, mentions per citation key and co-mentioned actors', async () => {
  const v = value(await hoverAt(seeds, 'Erdo|gan spoke.'));
  assert.match(v, /^\*\*Recep Tayyip Erdogan\*\*\n\n\*person\* · Turkey/);
  assert.match(v, /Also: Erdogan/);
  assert.match(v, /Mentions: 4 in 2 sources — `turkish-president-recep-2024` 3, `syrian-fm-denies-2022` 1/);
  assert.match(v, /Mentioned with: .*Turkey/);
});

for (const word of ['offen|sive', 'Mon|day', 'refu|gees', 'the| minister', 'Foreign Min|ister']) {
  test(`hover: ${word.replace('|', '')} shows nothing`, async () => {
    assert.equal(
      await hoverAt(seeds, `On Monday the offensive drove refugees away, the minister and the Foreign Minister said. ${word} again.`),
      null,
    );
  });
}

test('hover: the hover range covers the longest alias at the position', async () => {
  const { text, offset } = cursor('We met Hakan Fi|dan there.');
  const doc = seeds.draft(text, 1, 'range.md');
  const h = await seeds.service.hover(doc, doc.positionAt(offset));
  assert.ok(h?.range);
  assert.equal(text.slice(doc.offsetAt(h.range.start), doc.offsetAt(h.range.end)), 'Hakan Fidan');
});

test('hover: short acronyms match only in capitals; lower-case names are not actors', async () => {
  assert.equal(await hoverAt(seeds, 'the p|kk said'), null);
  assert.equal(await hoverAt(seeds, 'a tur|key dinner'), null);
  assert.equal(firstLine(await hoverAt(seeds, 'a Tur|kish view')), '**Turkey**');
});

test('navigation: definition goes to the first mention in the oldest source', async () => {
  const { text, offset } = cursor('Assad| again.');
  const doc = seeds.draft(text, 1, 'def.md');
  const locs = await seeds.service.definition(doc, doc.positionAt(offset));
  assert.equal(locs.length, 1);
  assert.match(locs[0].uri, /000_e69ee878f7b3fed3\.txt$/, 'the 2024-01-01 article is the oldest dated source naming him');
});

test('navigation: references list every mention in the sources and in open drafts', async () => {
  const h = await harness();
  const { text, offset } = cursor('Araghchi met Fidan. Araghchi| left. Mr Araghchi returned.');
  const doc = h.draft(text, 1, 'refs.md');
  const locs = await h.service.references(doc, doc.positionAt(offset));
  const inDraft = locs.filter((l) => l.uri === doc.uri);
  const inSources = locs.filter((l) => l.uri !== doc.uri);
  assert.equal(inDraft.length, 3);
  assert.equal(inSources.length, 8, 'Abbas Araghchi is named 8 times in the seeds (checked by hand)');
});

test('navigation: workspace symbols, listActors and actorCard', async () => {
  const symbols = await seeds.service.workspaceSymbols('fidan');
  assert.ok(symbols.some((s) => s.name === 'Hakan Fidan'));
  const list = await seeds.service.listActors('araghchi');
  assert.equal(list[0]?.name, 'Abbas Araghchi');
  assert.match(list[0].description, /Foreign Minister \(Iran\)/);
  const card = await seeds.service.actorCard(list[0].id);
  assert.ok(card?.startsWith('**Abbas Araghchi**'));
  assert.equal(await seeds.service.actorCard('no such actor'), null);
});

test('hover on BBC articles: surname, acronym and full name; common words show nothing', async () => {
  const h = await harness({
    ...bbcFiles('politics', ['abbas-will-not-tolerate-attacks.txt', 'howard-hits-back-at-mongrel-jibe.txt']),
    ...bbcFiles('business', ['1m-payoff-for-former-shell-boss.txt']),
  });
  assert.equal(firstLine(await hoverAt(h, 'Mr Ho|ward spoke.')), '**Michael Howard**');
  assert.equal(firstLine(await hoverAt(h, 'The P|A agreed.')), '**Palestinian Authority**');
  assert.equal(firstLine(await hoverAt(h, 'Judy Boyn|ton left.')), '**Judy Boynton**');
  assert.match(value(await hoverAt(h, 'Jack St|raw said.')), /Foreign minister \\\(United Kingdom\\\)/);
  assert.equal(await hoverAt(h, 'The attack on Tues|day shocked voters.'), null);
  assert.equal(await hoverAt(h, 'The att|ack shocked voters.'), null);
});

test('hover on held-out BBC articles (not used to write the rules): surname, full name, role; common words show nothing', async () => {
  const h = await harness({
    ...bbcFiles('politics', ['blunkett-sorry-over-murder-plan.txt']),
    ...bbcFiles('business', ['ukraine-revisits-state-sell-offs.txt', 'cars-pull-down-us-retail-figures.txt']),
  });
  assert.equal(firstLine(await hoverAt(h, 'Mr Blun|kett apologised.')), '**David Blunkett**');
  assert.equal(firstLine(await hoverAt(h, 'Yushchen|ko spoke.')), '**Viktor Yushchenko**');
  assert.match(value(await hoverAt(h, 'Yulia Tymo|shenko spoke.')), /Prime Minister/);
  assert.match(value(await hoverAt(h, 'Parul Ja|in said.')), /Deputy chief economist \\\(Nomura Securities International\\\)/);
  assert.equal(firstLine(await hoverAt(h, 'In Ki|ev today.')), '**Kiev**');
  assert.equal(await hoverAt(h, 'On Wednes|day the review began.'), null);
  assert.equal(await hoverAt(h, 'The privati|sation review.'), null);
});

test('card: corpus text is escaped (no HTML, links or command URIs)', () => {
  const k = createKnowledge();
  const text = 'A headline\n\nForeign Minister Zarko Velimir said: "<img src=x onerror=alert(1)> see [here](command:evil) now".';
  const analysis = analyzeSource('file:///w/evil.txt', 'evil.txt', text);
  k.sources.add({
    ...analysis,
    quotes: [
      {
        start: 0,
        end: 10,
        text: '<img src=x onerror=alert(1)> see [here](command:evil) *now*',
        kind: 'direct',
        speaker: 'Zarko Velimir',
        paragraph: 1,
      },
    ],
  });
  const actor = k.actors.findByName('Velimir');
  assert.ok(actor);
  const ctx = { knowledge: () => k } as unknown as ServiceContext;
  const card = actorCardMarkdown(ctx, actor);
  assert.ok(card.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), card);
  assert.ok(!card.includes('](command:'), card);
  assert.ok(!/<img/.test(card.replace(/\\</g, '')), card);
});
