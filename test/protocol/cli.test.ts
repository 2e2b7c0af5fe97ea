import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO, SEEDS_DIR } from '../helpers/fixture';

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-cli-'));
  cpSync(SEEDS_DIR, path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'sourced.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('cli: a finding prints path:line:col: severity: message [code] and exits 1', () => {
  const dir = workspace();
  writeFileSync(path.join(dir, 'draft.md'), '# Title\n\nA line that cites nothing known.[^ghost]\n');
  const r = run(dir, 'check', 'draft.md');
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^draft\.md:3:33: warning: Unknown citation \[\^ghost\].* \[unknown-citation\]$/m);
});

test('cli: a clean draft exits 0', () => {
  const dir = workspace();
  writeFileSync(path.join(dir, 'clean.md'), '# Only a heading\n');
  const r = run(dir, 'check', 'clean.md');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /0 findings in 1 draft \(5 sources\)/);
});

test('cli: --format json gives LSP diagnostics per file', () => {
  const dir = workspace();
  writeFileSync(path.join(dir, 'draft.md'), 'Text.[^ghost]\n');
  const r = run(dir, 'check', 'draft.md', '--format', 'json');
  const parsed = JSON.parse(r.stdout) as { sources: number; files: { path: string; diagnostics: { code: string }[] }[] };
  assert.equal(parsed.sources, 5);
  assert.equal(parsed.files[0].path, 'draft.md');
  assert.ok(parsed.files[0].diagnostics.some((d) => d.code === 'unknown-citation'));
});

test('cli: bad usage and unreadable input exit 2 with a message naming the problem', () => {
  const dir = workspace();
  const table: [string[], RegExp][] = [
    [['check'], /no draft given/],
    [['lint', 'x.md'], /unknown command "lint"/],
    [['check', 'x.md', '--format', 'xml'], /--format must be text or json/],
    [['check', 'missing.md'], /cannot read missing\.md: ENOENT/],
    [['check', 'x.md', '--corpus'], /--corpus needs a value/],
  ];
  for (const [args, message] of table) {
    const r = run(dir, ...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
  }
});

test('cli: --corpus selects the sources; a glob that matches nothing is reported', () => {
  const dir = workspace();
  writeFileSync(path.join(dir, 'draft.md'), '# Heading\n');
  const r = run(dir, 'check', 'draft.md', '--corpus', 'nothing/**/*.txt');
  assert.equal(r.status, 0);
  assert.match(r.stderr, /no sources matched nothing\/\*\*\/\*\.txt/);
});
