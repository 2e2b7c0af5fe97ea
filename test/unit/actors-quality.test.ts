/**
 * Quality of the actor index against hand-checked tables (test/fixtures/actors-*.json): recall of actors
 * (canonical name), of aliases and of roles, type accuracy, and precision of the index (share of its
 * entries labelled as real actors). Prints the figures; fails below 0.90 recall / 0.85 precision.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createKnowledge, type Knowledge } from '../../server/src/store/memory/knowledge';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { normalizeForMatch } from '../../server/src/text/normalize';
import { BBC_DIR, REPO, seedFiles } from '../helpers/fixture';

interface TableActor {
  name: string;
  type: string;
  aliases: string[];
  roles: { title: string; affiliation: string | null }[];
}
interface Table {
  files: string[];
  actors: TableActor[];
  judgements: Record<string, boolean>;
}

const load = (name: string): Table => JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', name), 'utf8')) as Table;

function knowledgeOf(files: Record<string, string>): Knowledge {
  const k = createKnowledge();
  for (const [p, text] of Object.entries(files)) k.sources.add(analyzeSource(`file:///workspace/${p}`, p, text));
  return k;
}

const same = (a: string, b: string): boolean => normalizeForMatch(a).replace(/'/g, '') === normalizeForMatch(b).replace(/'/g, '');

interface Figures {
  actorRecall: number;
  aliasRecall: number;
  roleRecall: number;
  typeAccuracy: number;
  precision: number;
  misses: string[];
  unjudged: string[];
  wrong: string[];
}

function measure(k: Knowledge, table: Table): Figures {
  let found = 0;
  let aliasHit = 0;
  let aliasAll = 0;
  let roleHit = 0;
  let roleAll = 0;
  let typeHit = 0;
  const misses: string[] = [];
  for (const t of table.actors) {
    const actor = k.actors.findByName(t.name);
    const ok = actor !== undefined && same(actor.name, t.name);
    if (ok) found++;
    else misses.push(`actor ${t.name} → ${actor?.name ?? 'none'}`);
    if (ok && actor.type === t.type) typeHit++;
    for (const alias of t.aliases) {
      aliasAll++;
      if (ok && k.actors.findByName(alias) === actor) aliasHit++;
      else misses.push(`alias ${alias} of ${t.name} → ${k.actors.findByName(alias)?.name ?? 'none'}`);
    }
    for (const r of t.roles) {
      roleAll++;
      const hit =
        ok &&
        actor.roles.some(
          (x) => same(x.title, r.title) && (r.affiliation === null || (x.affiliation !== null && same(x.affiliation, r.affiliation))),
        );
      if (hit) roleHit++;
      else misses.push(`role ${r.title} (${r.affiliation ?? '-'}) of ${t.name}`);
    }
  }
  const entries = [...k.actors.all()];
  // Labels are matched by normalised name, so an apostrophe's shape does not matter.
  const norm = (x: string): string => normalizeForMatch(x).replace(/'/g, '');
  const labels = new Map(Object.entries(table.judgements).map(([name, real]) => [norm(name), real]));
  const label = (name: string): boolean | undefined => labels.get(norm(name));
  const unjudged = entries.filter((a) => label(a.name) === undefined).map((a) => a.name);
  const wrong = entries.filter((a) => label(a.name) === false).map((a) => a.name);
  const real = entries.filter((a) => label(a.name) === true).length;
  return {
    actorRecall: found / table.actors.length,
    aliasRecall: aliasAll ? aliasHit / aliasAll : 1,
    roleRecall: roleAll ? roleHit / roleAll : 1,
    typeAccuracy: found ? typeHit / found : 0,
    precision: entries.length ? real / entries.length : 0,
    misses,
    unjudged,
    wrong,
  };
}

function report(label: string, f: Figures, n: number, entries: number): void {
  const p = (x: number): string => x.toFixed(3);
  console.log(
    `actors ${label}: actor recall ${p(f.actorRecall)} (${n} hand-checked), alias recall ${p(f.aliasRecall)}, ` +
      `role recall ${p(f.roleRecall)}, type accuracy ${p(f.typeAccuracy)}, index precision ${p(f.precision)} (${entries} entries)`,
  );
  if (f.misses.length) console.log(`  misses: ${f.misses.join('; ')}`);
  if (f.wrong.length) console.log(`  not actors in the index: ${f.wrong.join('; ')}`);
  if (f.unjudged.length) console.log(`  unlabelled index entries (counted as wrong): ${f.unjudged.join('; ')}`);
}

test('actors quality: seed corpus against the hand-checked table', () => {
  const table = load('actors-seeds.json');
  const k = knowledgeOf(seedFiles());
  const f = measure(k, table);
  report('seeds', f, table.actors.length, k.actors.size);
  assert.ok(f.actorRecall >= 0.9, `actor recall ${f.actorRecall}`);
  assert.ok(f.aliasRecall >= 0.9, `alias recall ${f.aliasRecall}`);
  assert.ok(f.precision >= 0.85, `precision ${f.precision}`);
});

test('actors quality: BBC politics and business articles against the hand-checked table', () => {
  const table = load('actors-bbc.json');
  assert.ok(table.actors.length >= 25);
  const files: Record<string, string> = {};
  for (const f of table.files) files[`bbc/${f}`] = readFileSync(path.join(BBC_DIR, f), 'utf8');
  const k = knowledgeOf(files);
  const f = measure(k, table);
  report('bbc', f, table.actors.length, k.actors.size);
  assert.ok(f.actorRecall >= 0.9, `actor recall ${f.actorRecall}`);
  assert.ok(f.aliasRecall >= 0.9, `alias recall ${f.aliasRecall}`);
  assert.ok(f.precision >= 0.85, `precision ${f.precision}`);
});

test('actors quality: held-out BBC articles (never used to tune the code)', () => {
  const table = load('actors-bbc-heldout.json');
  const files: Record<string, string> = {};
  for (const f of table.files) files[`bbc/${f}`] = readFileSync(path.join(BBC_DIR, f), 'utf8');
  const k = knowledgeOf(files);
  const f = measure(k, table);
  report('bbc held-out', f, table.actors.length, k.actors.size);
  // Reported figures; the bar only catches a large regression (see the fixture's "about").
  assert.ok(f.actorRecall >= 0.8, `actor recall ${f.actorRecall}`);
  assert.ok(f.precision >= 0.65, `precision ${f.precision}`);
});
