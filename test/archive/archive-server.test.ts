/**
 * The language server's side of the archive, against a real PostgreSQL: the setting (and the environment) open
 * it, a local copy of a source wins over its archived twin, the password never reaches the log, and a lost
 * connection degrades to local sources with a status message, then reconnects.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openPgArchive } from '../../server/src/node/pg-archive';
import { createService, MemoryCorpus, MemoryLogger, type SourcedService } from '../../server/src/service';
import { archiveCli } from '../helpers/archive-cli';
import { sqliteTestIndexCache } from '../helpers/fixture';
import { BBC_DIR } from '../helpers/paths';
import { pgUnavailable, startCluster, SUPERUSER_PASSWORD, type PgCluster } from '../helpers/pg-cluster';

const skip = pgUnavailable() ?? false;
let pg: PgCluster;
const SECTION = path.join(BBC_DIR, 'tech');

before(async () => {
  if (skip) return;
  pg = await startCluster();
  const r = archiveCli(['ingest', '--url', pg.url, '--quiet', SECTION]);
  assert.equal(r.status, 0, r.stderr);
});
after(() => pg?.stop());

const config = { corpus: { include: ['**/*'] }, index: { persist: false } };
const draft = (text: string): TextDocument => TextDocument.create('file:///workspace/draft.md', 'markdown', 1, text);

/** A quotation of the ingested section (read from the file here, not from our index) and its file. */
function sampleQuote(): { file: string; typed: string } {
  const file = 'tech/' + 'ask-jeeves-joins-web-log-market.txt';
  const text = readFileSync(path.join(BBC_DIR, file), 'utf8');
  const m = /["\u201c]([^"\u201c\u201d\n]{30,300})["\u201d]/.exec(text);
  assert.ok(m, 'sample file has a quotation');
  return { file, typed: m[1].split(/\s+/).slice(0, 4).join(' ') };
}

async function completionDetails(service: SourcedService, typed: string): Promise<string[]> {
  const doc = draft(`He said \u201c${typed}`);
  const list = await service.completion(doc, doc.positionAt(doc.getText().length));
  return (list?.items ?? []).map((i) => `${i.label} | ${JSON.stringify(i.textEdit)} | ${JSON.stringify(i.additionalTextEdits ?? [])}`);
}

test(
  'archive server: with no local sources, completion comes from the archive (nothing loaded into the index); the password is never logged',
  { skip, timeout: 120_000 },
  async () => {
    const logger = new MemoryLogger();
    const service = createService({
      corpus: new MemoryCorpus({}),
      config,
      logger,
      archive: openPgArchive(undefined, logger, { SOURCED_ARCHIVE_URL: pg.url }),
    });
    await service.start();
    const { typed } = sampleQuote();
    const items = await completionDetails(service, typed);
    assert.ok(items.length > 0, 'no completion from the archive');
    // The section folder was ingested on its own, so archived paths are relative to it.
    assert.ok(items[0].includes('archive:ask-jeeves-joins-web-log-market.txt'), items[0]);
    const st = service.status();
    assert.equal(st.archive?.state, 'online');
    // Answered from the archive's rows: no archived source was loaded into the in-memory index for it.
    assert.equal(st.archive?.loaded, 0);
    assert.ok(!JSON.stringify(st).includes(SUPERUSER_PASSWORD), 'status shows no password');
    assert.ok(!logger.lines.join('\n').includes(SUPERUSER_PASSWORD), 'log shows no password');
    service.dispose();
  },
);

test(
  'archive server: a local copy of an archived source wins (same content: one source, the local one)',
  { skip, timeout: 120_000 },
  async () => {
    const { file, typed } = sampleQuote();
    const logger = new MemoryLogger();
    const corpus = new MemoryCorpus({ [`mine/${path.basename(file)}`]: readFileSync(path.join(BBC_DIR, file), 'utf8') });
    const service = createService({ corpus, config, logger, archive: openPgArchive(pg.url, logger) });
    await service.start();
    const items = await completionDetails(service, typed);
    assert.ok(items.length > 0);
    assert.ok(items[0].includes('mine/'), `the local copy is offered first: ${items[0]}`);
    assert.ok(!items.some((i) => i.includes(`archive:${path.basename(file)}`)), 'the archived twin is not offered');
    service.dispose();
  },
);

test(
  'archive server: a lost connection answers from local sources with a status message, then reconnects',
  { skip, timeout: 180_000 },
  async () => {
    const { typed } = sampleQuote();
    const logger = new MemoryLogger();
    const local = { 'notes/local.txt': 'Local note\n\nThe mayor said: "Every bus route will run through the night from June onwards."\n' };
    const service = createService({ corpus: new MemoryCorpus(local), config, logger, archive: openPgArchive(pg.url, logger) });
    await service.start();
    const states: string[] = [];
    service.onDidChangeArchive((s) => states.push(s.state));
    assert.ok((await completionDetails(service, typed)).length > 0);
    pg.pause();
    try {
      const started = Date.now();
      const localItems = await completionDetails(service, 'Every bus route will');
      assert.ok(Date.now() - started < 10_000, 'the request did not wait long for the lost archive');
      assert.ok(
        localItems.some((i) => i.includes('Every bus route')),
        'local sources still answer',
      );
      assert.equal(service.status().archive?.state, 'offline');
      assert.match(service.status().archive?.message ?? '', /cannot be reached.*using local sources only, reconnecting/);
      assert.ok(!logger.lines.join('\n').includes(SUPERUSER_PASSWORD));
    } finally {
      pg.resume();
    }
    const deadline = Date.now() + 90_000;
    while (service.status().archive?.state !== 'online' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.equal(service.status().archive?.state, 'online', 'reconnected');
    assert.deepEqual(states.slice(0, 2), ['offline', 'online']);
    // Different words, so the archive is asked again (and answers).
    const again = await completionDetails(service, sampleQuote().typed.split(' ').slice(0, 3).join(' '));
    assert.ok(again.length > 0);
    service.dispose();
  },
);

test(
  'archive server: with sourced.index.store "sqlite", local sources are indexed on the heap and a claim fix cites an archived source',
  { skip, timeout: 120_000 },
  async () => {
    const { file } = sampleQuote();
    const text = readFileSync(path.join(BBC_DIR, file), 'utf8');
    // A sentence of the archived article with a figure in it: a checkable claim that only the archive supports.
    const sentence = text.split(/(?<=[.!?])\s+/).find((s) => /\d/.test(s) && s.split(/\s+/).length >= 8 && !/["\u201c]/.test(s));
    assert.ok(sentence, 'sample file has a sentence with a figure');
    const logger = new MemoryLogger();
    const service = createService({
      corpus: new MemoryCorpus({ 'notes/unrelated.txt': 'A note about the weather on a quiet Sunday in the hills.\n' }),
      config: { ...config, index: { persist: true, store: 'sqlite' } },
      logger,
      indexCache: sqliteTestIndexCache(),
      archive: openPgArchive(pg.url, logger),
    });
    await service.start();
    const findings = await service.findings(draft(`${sentence.trim()}\n`));
    const claim = findings.find((f) => f.code === 'unsourced-claim');
    assert.ok(claim && claim.code === 'unsourced-claim', `no unsourced claim for: ${sentence}`);
    assert.match(claim.candidates[0]?.path ?? '', /^archive:/, JSON.stringify(claim.candidates[0]));
    assert.ok(
      logger.lines.some((l) => l.includes('indexed on the heap')),
      logger.lines.join('\n'),
    );
    service.dispose();
  },
);
