/**
 * Hardening found while probing (issue 13), through the real server and CLI: malformed requests answer
 * InvalidParams; devices, FIFOs and endless files named as sources are skipped with a reason; bidi and zero-width
 * controls planted in a source never reach the editor; a CRLF draft gets CRLF in every edit; an untrusted
 * workspace gets no file written; invalid settings and `--citation-style bogus` are refused with the valid values.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEEDS_DIR, repoRoot } from '../helpers/paths';
import { INVALID_PARAMS, ServerSession } from './helpers/server-session';

const dirs: string[] = [];
const sessions: ServerSession[] = [];
after(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-hardening-'));
  dirs.push(dir);
  cpSync(SEEDS_DIR, path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

async function start(dir: string, settings: Record<string, unknown> = {}, init: Record<string, unknown> = {}): Promise<ServerSession> {
  const s = await ServerSession.start({ workspace: dir, settings, initializationOptions: init });
  sessions.push(s);
  await s.ready();
  return s;
}

const CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF]/;

test('hardening: requests without their parameters answer InvalidParams, and the server keeps answering', { timeout: 60_000 }, async () => {
  const s = await start(workspace());
  const methods = [
    'textDocument/hover',
    'textDocument/completion',
    'textDocument/definition',
    'textDocument/references',
    'textDocument/codeAction',
    'textDocument/documentSymbol',
    'workspace/executeCommand',
  ];
  const codes: string[] = [];
  for (const m of methods) {
    for (const p of [undefined, {}, { textDocument: {} }]) {
      const a = await s.call(m, p);
      codes.push(`${m} ${JSON.stringify(p)}: ${a.ok ? 'ok' : a.code}`);
    }
  }
  const wrong = codes.filter((c) => !c.endsWith(`: ${INVALID_PARAMS}`));
  assert.deepEqual(wrong, []);
  assert.ok((await s.status()).ready);
  assert.ok(s.alive);
});

test(
  'hardening: a FIFO, a device and a link to an endless file named as sources are skipped with a reason',
  { timeout: 60_000 },
  async () => {
    const dir = workspace();
    execFileSync('mkfifo', [path.join(dir, 'seeds', 'pipe.txt')]);
    symlinkSync('/dev/zero', path.join(dir, 'seeds', 'zero.txt'));
    symlinkSync('/dev/urandom', path.join(dir, 'seeds', 'random.md'));
    const s = await start(dir);
    const status = await s.status();
    const reasons = s.lsp.logs.filter((l) => /pipe\.txt|zero\.txt|random\.md/.test(l));
    console.log(`hardening: special files: ${JSON.stringify(status)}; ${JSON.stringify(reasons)}`);
    assert.equal(status.sources, 5, 'the five seeds are indexed');
    assert.equal(status.skipped, 3, 'the three special files are counted as skipped');
    for (const name of ['pipe.txt', 'zero.txt', 'random.md']) {
      assert.ok(
        reasons.some((l) => l.includes(name) && /not a regular file|outside|skipp/i.test(l)),
        `${name} is skipped with a reason`,
      );
    }
  },
);

test('hardening: bidi and zero-width controls in a source never reach the editor', { timeout: 60_000 }, async () => {
  const dir = workspace();
  writeFileSync(
    path.join(dir, 'seeds', 'planted.txt'),
    'Planted\u202E title\u200B here\n\nThe harbour master said: \u201cThe new quay will \u202Eopen\u202C for every\u200B ship in the spring season,\u201d on Monday.\n',
  );
  const s = await start(dir);
  const search = await s.call('sourced/searchQuotes', { query: 'quay spring season', limit: 5 });
  assert.ok(search.ok);
  const results = search.result as { text: string; title: string }[];
  assert.ok(
    results.some((r) => /quay/.test(r.text)),
    `the planted quotation is found: ${JSON.stringify(results)}`,
  );
  assert.ok(!CONTROLS_RE.test(JSON.stringify(results)), 'no control character in search results');
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  const text = 'Intro.\n\n\u201cThe new quay will';
  s.open(uri, text);
  const completion = await s.call('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 17 } });
  assert.ok(completion.ok);
  const items = (completion.result as { items: unknown[] } | null)?.items ?? [];
  assert.ok(items.length > 0, 'completion offers the quotation');
  assert.ok(!CONTROLS_RE.test(JSON.stringify(items)), 'no control character in completion labels or inserted text');
});

test('hardening: a CRLF draft gets CRLF in every inserted text', { timeout: 60_000 }, async () => {
  const dir = workspace();
  writeFileSync(
    path.join(dir, 'seeds', 'quay.txt'),
    'Quay plans\n\nThe harbour master said: \u201cThe new quay will open for every ship in the spring season,\u201d on Monday.\n',
  );
  const s = await start(dir);
  const quotes = await s.call('sourced/searchQuotes', { query: 'quay spring season', limit: 1 });
  assert.ok(quotes.ok);
  const quote = (quotes.result as { id: number; text: string }[])[0];
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  const words = quote.text.split(/\s+/).slice(0, 3).join(' ');
  const text = `# Report\r\n\r\nIntro line.\r\n\r\n\u201c${words}`;
  s.open(uri, text);
  const position = { line: 4, character: 1 + words.length };
  const completion = await s.call('textDocument/completion', { textDocument: { uri }, position });
  const insert = await s.call('sourced/quoteInsertEdits', { uri, position, id: quote.id });
  const inserted: string[] = [];
  const collect = (v: unknown, key = ''): void => {
    if (typeof v === 'string' && (key === 'newText' || key === 'insertText')) inserted.push(v);
    else if (Array.isArray(v)) v.forEach((x) => collect(x));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k);
  };
  collect(completion.ok ? completion.result : null);
  collect(insert.ok ? insert.result : null);
  const withBreaks = inserted.filter((t) => t.includes('\n'));
  console.log(`hardening: CRLF: ${inserted.length} inserted texts, ${withBreaks.length} with line breaks`);
  assert.ok(withBreaks.length > 0, 'some edit adds lines (the footnote definition), so the check can fail');
  assert.deepEqual(
    withBreaks.filter((t) => /(?<!\r)\n/.test(t)),
    [],
    'no lone \\n in a CRLF draft',
  );
});

test('hardening: an untrusted workspace gets no file written (no bibliography, no index cache)', { timeout: 60_000 }, async () => {
  const dir = workspace();
  const s = await start(dir, { citations: { style: 'pandoc' } }, { trusted: false });
  const symbols = await s.call('workspace/symbol', { query: '' });
  assert.ok(symbols.ok);
  const key = (symbols.result as { name: string }[])[0].name.split(' ')[0];
  const uri = pathToFileURL(path.join(dir, 'draft.md')).href;
  s.open(uri, `The talks resumed.[@${key}]\n`);
  await s.diagnosticsNow(uri);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(existsSync(path.join(dir, 'sources.json')), false, 'no bibliography');
  assert.equal(existsSync(path.join(dir, '.sourced')), false, 'no index cache in the workspace');
  // Control: trusted, the same session writes the bibliography.
  const trustedDir = workspace();
  const t = await start(trustedDir, { citations: { style: 'pandoc' } });
  const tUri = pathToFileURL(path.join(trustedDir, 'draft.md')).href;
  t.open(tUri, `The talks resumed.[@${key}]\n`);
  await t.diagnosticsNow(tUri);
  assert.ok(
    await t.lsp.waitFor(
      () => existsSync(path.join(trustedDir, 'sources.json')),
      (v) => v,
      5000,
    ),
  );
});

test(
  'hardening: an invalid setting value is refused with the valid values; so is --citation-style bogus',
  { timeout: 60_000 },
  async () => {
    const s = await start(workspace(), { citations: { style: 'bogus' }, claims: { severity: 'loud' } });
    const refused = s.lsp.logs.filter((l) => /setting refused/.test(l));
    console.log(`hardening: settings: ${JSON.stringify(refused)}`);
    assert.ok(refused.some((l) => /citations\.style/.test(l) && /footnote, pandoc/.test(l)));
    assert.ok(refused.some((l) => /claims\.severity/.test(l) && /ignore, hint, information, warning, error/.test(l)));
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', 'draft.md', '--citation-style', 'bogus'], {
      encoding: 'utf8',
    });
    assert.equal(cli.status, 2);
    assert.match(cli.stderr, /--citation-style must be one of footnote, pandoc/);
  },
);
