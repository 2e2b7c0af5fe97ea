/** `sourced check examples/report.md` prints the same findings as the service gives the editor. Needs `npm run build`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { harness, REPO } from '../helpers/fixture';

test('claims cli: sourced check examples/report.md prints the service findings, one line each', async () => {
  const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'sourced.js'), 'check', 'examples/report.md'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  assert.equal(run.status, 1, `exit 1 when warnings are found (stderr: ${run.stderr})`);
  const printed = run.stdout.trim().split('\n');

  const text = readFileSync(path.join(REPO, 'examples/report.md'), 'utf8');
  const h = await harness(undefined, {});
  try {
    const diagnostics = await h.service.diagnostics(h.draft(text, 1, 'report.md'));
    const expected = diagnostics.map(
      (d) =>
        `examples/report.md:${d.range.start.line + 1}:${d.range.start.character + 1}: warning: ${typeof d.message === 'string' ? d.message : d.message.value} [${String(d.code)}]`,
    );
    assert.deepEqual(printed, expected);
    assert.equal(printed.filter((l) => l.endsWith('[unsourced-claim]')).length, 6);
    assert.equal(printed.filter((l) => l.endsWith('[number-mismatch]')).length, 1);
  } finally {
    h.service.dispose();
  }
});
