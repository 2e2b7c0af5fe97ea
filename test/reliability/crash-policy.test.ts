/** The client's crash policy (client/src/crash-policy.ts): restart, warn on repeated crashes, stop a crash loop. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashPolicy } from '../../client/src/crash-policy';

test('crash policy: restarts quietly once, warns from the second crash, stops after the fifth within three minutes', () => {
  let now = 0;
  const policy = new CrashPolicy({ now: () => now });
  const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((t) => {
    now = t;
    return policy.onClosed();
  });
  console.log(`crash policy: ${decisions.map((d) => `${d.recent}:${d.restart ? 'restart' : 'stop'}/${d.notify}`).join(', ')}`);
  assert.deepEqual(
    decisions.map((d) => [d.restart, d.notify]),
    [
      [true, 'none'],
      [true, 'warning'],
      [true, 'warning'],
      [true, 'warning'],
      [false, 'error'],
    ],
  );
  assert.match(decisions[4].message, /crashed 5 times in 3 minutes.*Restart Server/);
});

test('crash policy: crashes older than the window are forgotten, and a manual restart resets the count', () => {
  let now = 0;
  const policy = new CrashPolicy({ now: () => now });
  for (const t of [0, 1000, 2000, 3000]) {
    now = t;
    policy.onClosed();
  }
  now = 3 * 60_000 + 2500; // the first three have left the window
  const d = policy.onClosed();
  assert.deepEqual([d.restart, d.recent], [true, 2]);
  for (let i = 0; i < 3; i++) policy.onClosed();
  assert.equal(policy.onClosed().restart, false, 'a crash loop is stopped');
  policy.reset();
  const after = policy.onClosed();
  assert.deepEqual([after.restart, after.notify, after.recent], [true, 'none', 1]);
});

test('crash policy: the extension wires the policy into the language client', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { REPO } = await import('../helpers/fixture');
  const source = readFileSync(path.join(REPO, 'client', 'src', 'extension.ts'), 'utf8');
  // The client only honours these through LanguageClientOptions.errorHandler; without VS Code this is what can be checked.
  assert.match(source, /errorHandler,/);
  assert.match(source, /crashes\.onClosed\(\)/);
  assert.match(source, /CloseAction\.Restart : CloseAction\.DoNotRestart/);
});
