/** Fixture helpers: text with a `|` cursor, a service over an in-memory corpus, the seed corpus. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, TextEdit } from 'vscode-languageserver-types';
import { createService, MemoryCorpus, MemoryLogger, type SourcedService } from '../../server/src/service';

import { BBC_DIR, repoRoot, SEEDS_DIR } from './paths';
import type { IndexCacheStore } from '../../server/src/store/index-cache';
import { openSqliteDatabase } from '../../server/src/node/sqlite-database';

export { BBC_DIR, SEEDS_DIR };
export const REPO = repoRoot;

/** Splits a fixture at its `|` cursor: the text without it and the cursor's offset. */
export function cursor(fixture: string): { text: string; offset: number } {
  const offset = fixture.indexOf('|');
  if (offset < 0) throw new Error(`fixture has no | cursor: ${fixture}`);
  return { text: fixture.slice(0, offset) + fixture.slice(offset + 1), offset };
}

/** The seed articles as `seeds/<file>` → text. */
export function seedFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(SEEDS_DIR).sort()) out[`seeds/${f}`] = readFileSync(path.join(SEEDS_DIR, f), 'utf8');
  return out;
}

/** Reads BBC articles of a section (or the listed files), as `bbc/<section>/<file>` → text. */
export function bbcFiles(section: string, names?: string[]): Record<string, string> {
  const dir = path.join(BBC_DIR, section);
  const out: Record<string, string> = {};
  for (const f of names ?? readdirSync(dir).sort()) out[`bbc/${section}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  return out;
}

export interface Harness {
  service: SourcedService;
  corpus: MemoryCorpus;
  logger: MemoryLogger;
  /** A Markdown draft document. */
  draft(text: string, version?: number, name?: string): TextDocument;
  /** A draft and the position of its `|` cursor. */
  draftAt(fixture: string): { doc: TextDocument; position: Position };
}

/** A ready service over an in-memory corpus (the seeds by default). */
export async function harness(
  files: Record<string, string> = seedFiles(),
  config: unknown = { corpus: { include: ['**/*'] } },
): Promise<Harness> {
  const corpus = new MemoryCorpus(files);
  const logger = new MemoryLogger();
  const service = createService({ corpus, config: withTestStore(config), logger, indexCache: testIndexCache() });
  await service.start();
  const draft = (text: string, version = 1, name = 'draft.md'): TextDocument =>
    TextDocument.create(`file:///workspace/${name}`, 'markdown', version, text);
  return {
    service,
    corpus,
    logger,
    draft,
    draftAt(fixture) {
      const { text, offset } = cursor(fixture);
      const doc = draft(text);
      return { doc, position: doc.positionAt(offset) };
    },
  };
}

/** `SOURCED_TEST_STORE=sqlite` runs the harness's services on the embedded SQLite store (in memory) instead of the heap index. */
export const TEST_STORE: 'memory' | 'sqlite' = process.env.SOURCED_TEST_STORE === 'sqlite' ? 'sqlite' : 'memory';

function withTestStore(config: unknown): unknown {
  if (TEST_STORE === 'memory' || config === null || typeof config !== 'object') return config;
  const c = config as Record<string, unknown>;
  return { ...c, index: { ...(c.index as object | undefined), persist: true, store: 'sqlite' } };
}

function testIndexCache(): IndexCacheStore | undefined {
  return TEST_STORE === 'memory' ? undefined : sqliteTestIndexCache();
}

/** An index cache whose embedded store is an SQLite database in memory (no snapshot): for `store: 'sqlite'` services. */
export function sqliteTestIndexCache(): IndexCacheStore {
  return {
    buildId: 'test',
    load: () => Promise.resolve(null),
    save: () => Promise.resolve(),
    stamp: () => Promise.resolve(null),
    openDatabase: () => openSqliteDatabase(':memory:'),
  };
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(doc: TextDocument, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  return TextDocument.applyEdits(doc, edits);
}

let speakerDrafts = 0;

/** The speaker shown by the first of the top three items that inserts a quotation holding `typed` (null: none shown; undefined: no such item). */
export async function speakerShown(h: Harness, typed: string): Promise<string | null | undefined> {
  const text = `Notes.\n\nShe said \u201c${typed}`;
  const doc = h.draft(text, ++speakerDrafts);
  const list = await h.service.completion(doc, doc.positionAt(text.length));
  const item = (list?.items ?? [])
    .slice(0, 3)
    .find((i: CompletionItem) => ((i.textEdit as TextEdit | undefined)?.newText ?? '').includes(typed));
  if (!item) return undefined;
  const shown = (item.detail ?? '').split(' \u2014 ')[0];
  return shown === '' || shown.toLowerCase() === 'unattributed' ? null : shown;
}
