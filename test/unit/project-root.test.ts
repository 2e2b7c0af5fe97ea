/** Finding the project root without a workspace folder: the nearest folder with .sourced.json or the source folder. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findProjectRoot, sourceFolders } from '../../server/src/node/project-root';

const DEFAULT_INCLUDE = ['seeds/**/*.txt', 'seeds/**/*.md'];

function tree(files: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-root-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    if (!f.endsWith('/')) writeFileSync(path.join(root, f), '{}');
  }
  return root;
}

test('project root: source folders come from the static start of each include glob', () => {
  assert.deepEqual(sourceFolders(['seeds/**/*.txt', 'seeds/**/*.md', '**/*.md', 'a/b/{c,d}/*.txt', '../up/*.txt', '/abs/*.txt']), [
    'seeds',
    'a/b',
  ]);
});

const cases: { name: string; files: string[]; start: string; include?: string[]; root: string; found: boolean }[] = [
  { name: 'the project file in the starting folder', files: ['p/.sourced.json', 'p/drafts/'], start: 'p', root: 'p', found: true },
  { name: 'the project file two levels up', files: ['p/.sourced.json', 'p/drafts/2024/'], start: 'p/drafts/2024', root: 'p', found: true },
  {
    name: 'the nearest project file wins',
    files: ['p/.sourced.json', 'p/sub/.sourced.json', 'p/sub/d/'],
    start: 'p/sub/d',
    root: 'p/sub',
    found: true,
  },
  { name: 'the default source folder (seeds/)', files: ['p/seeds/a.txt', 'p/examples/'], start: 'p/examples', root: 'p', found: true },
  {
    name: 'a configured source folder',
    files: ['p/archive/x/a.txt', 'p/drafts/'],
    start: 'p/drafts',
    include: ['archive/**/*.txt'],
    root: 'p',
    found: true,
  },
  {
    name: 'nothing marks a project: the starting folder',
    files: ['p/drafts/'],
    start: 'p/drafts',
    include: ['**/*.txt'],
    root: 'p/drafts',
    found: false,
  },
];

for (const c of cases) {
  test(`project root: ${c.name}`, async () => {
    const base = tree(c.files);
    const found = await findProjectRoot(path.join(base, c.start), c.include ?? DEFAULT_INCLUDE);
    // A temporary folder's ancestors could hold a seeds/ folder on some machine: only judge results inside it.
    if (!c.found && found.found) assert.ok(!found.root.startsWith(base), `found ${found.root} inside the test tree`);
    else {
      assert.equal(found.root, path.join(base, c.root));
      assert.equal(found.found, c.found);
    }
    assert.ok(found.reason.length > 0);
  });
}
