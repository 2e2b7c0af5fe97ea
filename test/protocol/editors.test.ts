/**
 * What non-VS Code editors rely on, over the protocol: no workspace folder (rootUri null) still indexes the sources,
 * the project file configures the server and editor settings override it, no registration is sent to a client that
 * cannot take it, an untrusted workspace gets no file written, and the Sources view's requests.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SourceDetails, SourceListItem, StatusReport } from '../../server/src/protocol/requests';
import { EXAMPLES_DIR, SEEDS_DIR } from '../helpers/paths';
import { startServer, type LspSession } from '../helpers/lsp-client';

/** A server started in `cwd` with exactly the initialize request `initialize` (no folder, chosen capabilities…). */
const startRawServer = (cwd: string, initialize: Record<string, unknown>, settings?: Record<string, unknown>): Promise<LspSession> =>
  startServer({ workspace: cwd, cwd, initialize, settings });

const SEED_COUNT = readdirSync(SEEDS_DIR).filter((f) => /\.(txt|md)$/.test(f)).length;
/** A client with no dynamic registration, no configuration pull: what a bare Neovim or Helix sends. */
const BARE_CAPABILITIES = { workspace: {}, textDocument: { publishDiagnostics: {} } };

/** A project like the repository's: seeds/ and examples/report.md, plus `extra` files. */
function project(extra: Record<string, string> = {}, seedsAt = 'seeds'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'sourced-editors-'));
  cpSync(SEEDS_DIR, path.join(root, seedsAt), { recursive: true });
  cpSync(EXAMPLES_DIR, path.join(root, 'examples'), { recursive: true });
  for (const [name, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const status = (s: LspSession): Promise<StatusReport> => s.connection.sendRequest<StatusReport>('sourced/status');
const indexed = (s: LspSession, sources = SEED_COUNT): Promise<StatusReport> =>
  s.waitFor(
    () => status(s),
    (v) => v.ready && v.sources === sources,
    15_000,
  );

function openReport(s: LspSession, root: string): string {
  const uri = pathToFileURL(path.join(root, 'examples', 'report.md')).href;
  const text = readFileSync(path.join(root, 'examples', 'report.md'), 'utf8');
  void s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  return uri;
}

test('editors: rootUri null, no folders, started in the project: every seed source is indexed and the root is logged', async () => {
  const root = project();
  const s = await startRawServer(path.join(root, 'examples'), { rootUri: null, workspaceFolders: null, capabilities: BARE_CAPABILITIES });
  try {
    const st = await indexed(s);
    assert.equal(st.sources, SEED_COUNT);
    const line = s.logs.find((l) => l.includes('project root'));
    assert.ok(line?.includes(root) && line.includes('seeds/'), `the log names the root and why: ${line}`);
    const uri = openReport(s, root);
    const diags = await s.waitFor(
      () => s.diagnostics.get(uri)?.diagnostics ?? [],
      (d) => d.some((x) => x.code === 'unsourced-claim'),
    );
    assert.ok(
      diags.some((d) => d.code === 'unsourced-claim' && !/no source/i.test(typeof d.message === 'string' ? d.message : d.message.value)),
      'claims name a supporting source',
    );
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: rootUri null, started elsewhere: the first opened document finds the root', async () => {
  const root = project({ '.sourced.json': '{ "corpus": { "include": ["seeds/**/*.txt"] } }' });
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'sourced-elsewhere-'));
  const s = await startRawServer(elsewhere, { rootUri: null, capabilities: BARE_CAPABILITIES });
  try {
    await s.waitFor(
      () => status(s),
      (v) => v.ready,
    );
    openReport(s, root);
    await indexed(s);
    const line = s.logs.find((l) => l.includes('project root'));
    assert.ok(line?.includes(root) && line.includes('.sourced.json'), `the log names the root and why: ${line}`);
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('editors: the project file selects the sources and sets severities; editor settings override it', async () => {
  const projectFile = JSON.stringify({ corpus: { include: ['archive/**/*.txt'] }, claims: { severity: 'error' } });
  const root = project({ '.sourced.json': projectFile }, 'archive');
  const folder = pathToFileURL(root).href;
  const severities = async (settings: Record<string, unknown>, pull: boolean): Promise<number[]> => {
    const s = await startRawServer(
      root,
      {
        rootUri: folder,
        workspaceFolders: [{ uri: folder, name: 'p' }],
        capabilities: { workspace: { configuration: pull }, textDocument: { publishDiagnostics: {} } },
        initializationOptions: pull ? undefined : { sourced: settings },
      },
      settings,
    );
    try {
      await indexed(s);
      const uri = openReport(s, root);
      const diags = await s.waitFor(
        () => s.diagnostics.get(uri)?.diagnostics ?? [],
        (d) => d.some((x) => x.code === 'unsourced-claim'),
      );
      return [...new Set(diags.filter((d) => d.code === 'unsourced-claim').map((d) => d.severity ?? 0))];
    } finally {
      await s.close();
    }
  };
  try {
    assert.deepEqual(await severities({}, false), [1], 'the project file: error');
    assert.deepEqual(await severities({ claims: { severity: 'information' } }, false), [3], 'initializationOptions override it');
    assert.deepEqual(await severities({ claims: { severity: 'hint' } }, true), [4], 'workspace/configuration overrides it');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: a client without dynamic registration is never sent client/registerCapability; one with it gets the watchers', async () => {
  const root = project();
  const folder = pathToFileURL(root).href;
  const bare = await startRawServer(root, { rootUri: folder, capabilities: { workspace: { configuration: true }, window: {} } });
  const full = await startRawServer(root, {
    rootUri: folder,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
    },
  });
  try {
    await indexed(bare);
    await indexed(full);
    assert.deepEqual(bare.registrations, []);
    assert.deepEqual([...full.registrations].sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  } finally {
    await bare.close();
    await full.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: an untrusted workspace in Pandoc style gets no bibliography and no .sourced/ index written', async () => {
  const root = project({ '.sourced.json': JSON.stringify({ citations: { style: 'pandoc' } }) });
  const folder = pathToFileURL(root).href;
  const s = await startRawServer(root, { rootUri: folder, capabilities: BARE_CAPABILITIES, initializationOptions: { trusted: false } });
  try {
    await indexed(s);
    // A citation of a real source: trusted, this draft makes the server write sources.json (the Pandoc test).
    const [cited] = await s.connection.sendRequest<SourceListItem[]>('sourced/listSources', {});
    const uri = pathToFileURL(path.join(root, 'draft.md')).href;
    void s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: `# Draft\n\nA claim.[@${cited?.key}]\n` },
    });
    await s.waitFor(
      () => s.diagnostics.get(uri),
      (d) => d !== undefined,
    );
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(existsSync(path.join(root, 'sources.json')), false, 'no bibliography');
    assert.equal(existsSync(path.join(root, '.sourced')), false, 'no persisted index in the workspace');
    assert.ok(s.logs.some((l) => l.includes('untrusted workspace')));
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: sourced/listSources and sourced/sourceDetails give the Sources view every source and exact passages', async () => {
  const root = project();
  const folder = pathToFileURL(root).href;
  const s = await startRawServer(root, { rootUri: folder, capabilities: BARE_CAPABILITIES });
  try {
    await indexed(s);
    const sources = await s.connection.sendRequest<SourceListItem[]>('sourced/listSources', {});
    assert.equal(sources.length, SEED_COUNT);
    for (const src of sources) assert.ok(src.title && src.key && src.path.startsWith('seeds/'), `${src.path} has a title and key`);
    let quotes = 0;
    for (const src of sources) {
      const details = await s.connection.sendRequest<SourceDetails | null>('sourced/sourceDetails', { uri: src.uri });
      assert.ok(details);
      const lines = readFileSync(fileURLToPath(src.uri), 'utf8').split('\n');
      for (const q of details.quotes) {
        const { start, end } = q.range;
        // The range covers the quotation's first words (a quote over paragraphs continues on later lines).
        const first =
          start.line === end.line ? lines[start.line]?.slice(start.character, end.character) : lines[start.line]?.slice(start.character);
        assert.ok(first && q.label.startsWith(first.trim().slice(0, 20)), `${src.path}:${start.line + 1}: "${first}" starts "${q.label}"`);
        quotes++;
      }
      for (const a of details.actors) assert.ok(lines[a.range.start.line]?.length, `${a.label} points at a line`);
    }
    assert.ok(quotes > 0, 'some quotations');
    assert.equal(await s.connection.sendRequest('sourced/sourceDetails', { uri: 'file:///no/such/source.txt' }), null);
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: the CLI reads the project file; --corpus overrides it', async () => {
  const { spawnSync } = await import('node:child_process');
  const { repoRoot } = await import('../helpers/paths');
  const root = project({ '.sourced.json': JSON.stringify({ corpus: { include: ['archive/**/*.txt'] } }) }, 'archive');
  const check = (...extra: string[]): { sources: number } => {
    const r = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'dist', 'cli.js'), 'check', 'examples/report.md', '--format', 'json', '--quiet', ...extra],
      { cwd: root, encoding: 'utf8' },
    );
    return JSON.parse(r.stdout) as { sources: number };
  };
  try {
    assert.equal(check().sources, SEED_COUNT, 'the project file selects archive/');
    assert.equal(check('--corpus', 'nothing/**/*.txt').sources, 0, 'the flag wins');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('editors: rootUri null and nothing marks a project: no folder is adopted, and a later document in a project is', async () => {
  const loose = mkdtempSync(path.join(tmpdir(), 'sourced-loose-'));
  writeFileSync(path.join(loose, 'notes.md'), '# Notes\n\nThe council met on Friday.\n');
  const root = project();
  const s = await startRawServer(loose, { rootUri: null, capabilities: BARE_CAPABILITIES });
  try {
    await s.waitFor(
      () => status(s),
      (v) => v.ready,
    );
    const notes = pathToFileURL(path.join(loose, 'notes.md')).href;
    void s.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: notes, languageId: 'markdown', version: 1, text: readFileSync(path.join(loose, 'notes.md'), 'utf8') },
    });
    await s.waitFor(
      () => s.diagnostics.get(notes),
      (d) => d !== undefined,
    );
    assert.ok(!s.logs.some((l) => l.includes('project root')), 'no root adopted for a loose file');
    assert.equal((await status(s)).sources, 0);
    openReport(s, root);
    await indexed(s);
  } finally {
    await s.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(loose, { recursive: true, force: true });
  }
});
