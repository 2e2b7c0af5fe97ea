/**
 * The bibliography is the writer's: Sourced writes only a file it created and marked as its own. A writer's
 * CSL-JSON, a draft, a source, a non-JSON file or a link named as the bibliography is left byte for byte as it
 * was; Sourced's entries then go to `<name>.sourced.json` beside it, without the writer's keys, and a message
 * says where. Writes leave no temporary file behind.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createService, MemoryCorpus, MemoryLogger } from '../../server/src/service';
import { updateBibliography, WRITTEN_BY } from '../../server/src/node/bibliography-writer';
import { seedFiles } from '../helpers/fixture';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

interface Setup {
  folder: string;
  logger: MemoryLogger;
  write(): Promise<string | undefined>;
  key: string;
}

/** A workspace on disk with the seeds, a draft citing one seed in Pandoc style, and the bibliography setting. */
async function setup(bibliography: string, prepare: (folder: string) => void = () => {}): Promise<Setup> {
  const folder = mkdtempSync(path.join(tmpdir(), 'sourced-bib-'));
  roots.push(folder);
  const files = seedFiles();
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, p)), { recursive: true });
    writeFileSync(path.join(folder, p), text);
  }
  mkdirSync(path.join(folder, 'drafts'));
  prepare(folder);
  const logger = new MemoryLogger();
  const corpus = new MemoryCorpus(files, pathToFileURL(folder).href);
  const service = createService({
    corpus,
    config: { corpus: { include: ['**/*'] }, citations: { style: 'pandoc', bibliography } },
    logger,
  });
  await service.start();
  const key = (await service.workspaceSymbols('')).map((s) => s.name.split(' ')[0]).find((k) => /\w/.test(k))!;
  const text = `The talks resumed.[@${key}]\n`;
  const draftPath = path.join(folder, 'drafts', 'report.md');
  if (!existsSync(draftPath)) writeFileSync(draftPath, text);
  const draft = TextDocument.create(pathToFileURL(draftPath).href, 'markdown', 1, text);
  return { folder, logger, key, write: () => updateBibliography(service, [{ path: folder }], draft, [draft], logger) };
}

const noTempFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

test('bibliography: in a clean workspace Sourced creates the file, marks its items, and rewrites only its own file', async () => {
  const s = await setup('sources.json');
  const written = await s.write();
  const file = path.join(s.folder, 'sources.json');
  assert.equal(written, file);
  const items = JSON.parse(readFileSync(file, 'utf8')) as { id: string; custom?: { writtenBy?: string } }[];
  assert.deepEqual(
    items.map((i) => i.id),
    [s.key],
  );
  assert.ok(items.every((i) => i.custom?.writtenBy === WRITTEN_BY));
  // Its own file: rewritten in place when the citations change (here: unchanged, so not touched).
  assert.equal(await s.write(), undefined);
  assert.deepEqual(noTempFiles(s.folder), []);
});

test("bibliography: a writer's CSL-JSON is kept byte for byte; Sourced writes its entries beside it, without the writer's keys", async () => {
  const writers = `[\n  {"id": "smith2020", "type": "book", "title": "The writer's own book"}\n]\n`;
  const s = await setup('refs.json', (f) => writeFileSync(path.join(f, 'refs.json'), writers));
  const written = await s.write();
  assert.equal(readFileSync(path.join(s.folder, 'refs.json'), 'utf8'), writers, "the writer's entries are untouched");
  const own = path.join(s.folder, 'refs.sourced.json');
  assert.equal(written, own);
  const items = JSON.parse(readFileSync(own, 'utf8')) as { id: string }[];
  assert.deepEqual(
    items.map((i) => i.id),
    [s.key],
  );
  const message = s.logger.lines.find((l) => /refs\.sourced\.json/.test(l));
  assert.ok(message, `a message says where Sourced's entries went: ${JSON.stringify(s.logger.lines)}`);
  assert.deepEqual(noTempFiles(s.folder), []);
});

test("bibliography: a writer's entry under a cited key stays the writer's (Sourced writes no entry for that key)", async () => {
  let key = '';
  const s0 = await setup('sources.json');
  key = s0.key;
  const writers = JSON.stringify([{ id: key, type: 'article', title: "The writer's entry" }]);
  const s = await setup('sources.json', (f) => writeFileSync(path.join(f, 'sources.json'), writers));
  await s.write();
  assert.equal(readFileSync(path.join(s.folder, 'sources.json'), 'utf8'), writers);
  const own = JSON.parse(readFileSync(path.join(s.folder, 'sources.sourced.json'), 'utf8')) as { id: string }[];
  assert.deepEqual(own, []);
});

for (const [name, setting] of [
  ['a draft', 'drafts/report.md'],
  ['a source', ''],
  ['a non-JSON file', 'notes.txt'],
] as const) {
  test(`bibliography: ${name} named as the bibliography is never written`, async () => {
    const seed = Object.keys(seedFiles())[0];
    const target = setting || seed;
    const s = await setup(target, (f) => {
      if (setting === 'notes.txt') writeFileSync(path.join(f, 'notes.txt'), 'my notes\n');
    });
    const before = readFileSync(path.join(s.folder, target), 'utf8');
    await s.write();
    assert.equal(readFileSync(path.join(s.folder, target), 'utf8'), before, `${target} is untouched`);
    assert.ok(
      s.logger.lines.some((l) => /not written/.test(l)),
      JSON.stringify(s.logger.lines),
    );
  });
}

test('bibliography: a symbolic link named as the bibliography is not written through', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'sourced-bib-outside-'));
  roots.push(outside);
  const victim = path.join(outside, 'victim.json');
  writeFileSync(victim, '[]\n');
  const s = await setup('sources.json', (f) => symlinkSync(victim, path.join(f, 'sources.json')));
  await s.write();
  assert.equal(readFileSync(victim, 'utf8'), '[]\n');
  assert.ok(s.logger.lines.some((l) => /symbolic link/.test(l)));
});

test('bibliography: a file outside the workspace folder is never written', async () => {
  const s = await setup('../escape.json');
  assert.equal(await s.write(), undefined);
  assert.equal(existsSync(path.join(path.dirname(s.folder), 'escape.json')), false);
});
