import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { REPO, SEEDS_DIR } from '../helpers/fixture';

/**
 * The extraction rules must be general: no name, phrase or file name from a corpus may appear in the
 * shipped code. The forbidden list comes from the hand-checked tables (actor names and aliases, quote
 * speakers, quotations) and the seed file names. Countries, nationalities, capitals, world regions
 * and institution words are general knowledge, kept in the two gazetteer tables, and allowed.
 */

const FIXTURES = path.join(REPO, 'test', 'fixtures');
const CODE_DIRS = [path.join(REPO, 'server', 'src'), path.join(REPO, 'client', 'src')];
const GAZETTEERS = ['countries.ts', 'name-lexicon.ts'].map((f) => path.join(REPO, 'server', 'src', 'mentions', f));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function collect(value: unknown, names: Set<string>, phrases: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, names, phrases);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'name' || k === 'speaker' || k === 'aliases' || k === 'canonical') && v) {
        for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') names.add(s);
      } else if (k === 'text' && typeof v === 'string') {
        const words = v.split(/\s+/);
        if (words.length >= 6) phrases.add(words.slice(0, 5).join(' '));
      } else collect(v, names, phrases);
    }
  }
}

test('no corpus names, phrases or file names in server/ and client/ code', () => {
  const names = new Set<string>();
  const phrases = new Set<string>();
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
    collect(JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')), names, phrases);
  }
  const general = new Set(
    GAZETTEERS.map((f) => readFileSync(f, 'utf8'))
      .flatMap((text) => [...text.split(/[\n;,]/), ...text.split(/[\n;,_]|\s+/)])
      .map((s) => s.replace(/_/g, ' ').trim())
      .filter(Boolean),
  );
  const forbidden = [...names]
    .filter((n) => /^\p{Lu}/u.test(n) && n.length >= 4 && !general.has(n))
    .concat([...phrases], readdirSync(SEEDS_DIR));
  const hits: string[] = [];
  const code = CODE_DIRS.flatMap(files);
  for (const file of code) {
    const text = readFileSync(file, 'utf8');
    for (const term of forbidden) {
      const re = new RegExp(`(?<![\\p{L}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
      if (re.test(text)) hits.push(`${path.relative(REPO, file)}: ${term}`);
    }
  }
  console.log(`checked ${code.length} code files against ${forbidden.length} corpus names, phrases and file names`);
  assert.ok(forbidden.length > 100, 'the tables give a substantial list to check against');
  assert.deepEqual(hits, []);
});
