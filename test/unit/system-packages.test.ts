/** The system-packages step: who installs, who asks, who stops with the command, and that the list has a reason each. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, installCommand, missingPackages, packagesFor, PACKAGES, type Facts } from '../../scripts/system-packages.mjs';
const base: Facts = { missing: ['pandoc'], root: false, interactive: false, ci: false, sudo: false, yes: false, check: false };

const cases: [string, Partial<Facts>, string, boolean][] = [
  ['nothing missing', { missing: [] }, 'none', false],
  ['nothing missing, not root', { missing: [], root: false }, 'none', false],
  ['root without a TTY (a fresh machine, CI as root)', { root: true }, 'install', false],
  ['root under CI=true at a terminal', { root: true, interactive: true, ci: true }, 'install', false],
  ['root at a terminal: asks first', { root: true, interactive: true }, 'ask', false],
  ['root at a terminal with --yes', { root: true, interactive: true, yes: true }, 'install', false],
  ['not root: stops with the command', { interactive: true }, 'stop', false],
  ['not root under CI without sudo', { ci: true }, 'stop', false],
  ['not root under CI with password-less sudo', { ci: true, sudo: true }, 'install', true],
  ['not root, sudo but not CI: never sudo unasked', { sudo: true, interactive: true }, 'stop', false],
  ['--check only reports', { root: true, check: true }, 'stop', false],
];

for (const [name, facts, action, sudo] of cases) {
  test(`system packages: ${name} → ${action}`, () => {
    assert.deepEqual(decide({ ...base, ...facts }), { action, sudo });
  });
}

test('system packages: every package says why, and the lists for npm test and npm start are as documented', () => {
  for (const p of PACKAGES) assert.ok(p.why.length > 20, `${p.name} has a reason`);
  const names = (purpose: string): string[] =>
    packagesFor(purpose)
      .map((p) => p.name)
      .sort();
  assert.deepEqual(names('all'), [
    'chromium',
    'fonts-dejavu-core',
    'g++',
    'libkrb5-dev',
    'make',
    'neovim',
    'pandoc',
    'postgresql',
    'python3',
    'ripgrep',
  ]);
  assert.deepEqual(names('start'), ['g++', 'libkrb5-dev', 'make', 'python3', 'ripgrep']);
  assert.deepEqual(names('test'), names('all'));
});

test('system packages: the command for a user without root names exactly the missing packages', () => {
  assert.equal(
    installCommand(['pandoc', 'neovim']),
    'sudo apt-get update && sudo apt-get install -y --no-install-recommends pandoc neovim',
  );
});

test(
  'system packages: dpkg reports an unknown package as missing',
  { skip: missingPackages([]) === null ? 'not a Debian system' : false },
  () => {
    assert.deepEqual(missingPackages(['sourced-no-such-package-x']), ['sourced-no-such-package-x']);
  },
);
