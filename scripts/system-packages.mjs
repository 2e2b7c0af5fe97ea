// The one step that installs the Debian packages Sourced's tests and demo need. `npm test` (pretest), `npm start`
// (prestart) and CI (.ci/run) all call it. It is idempotent: when every package is present it prints one line and
// does nothing. Otherwise it first says what it will install and why, then:
//   - as root: installs with apt-get (asks first when run from a terminal; goes ahead under CI=true or without a TTY);
//   - not root: stops (exit 1) with the exact command to run, except under CI=true with password-less sudo.
// Usage: node scripts/system-packages.mjs [--for test|start|all] [--yes] [--check]
//   --for    which command the packages are for (default: all); --yes  never ask; --check  only report (exit 1 if missing)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';

/** Every Debian package Sourced uses, with the command that needs it and the reason, shown before installing. */
export const PACKAGES = [
  {
    name: 'chromium',
    for: ['test'],
    why: 'the browser Playwright drives for the end-to-end and VS Code extension-host tests (never downloaded)',
  },
  { name: 'fonts-dejavu-core', for: ['test'], why: 'a font, so that Chromium renders the editor in those tests' },
  {
    name: 'libkrb5-dev',
    for: ['test', 'start'],
    why: 'code-server (VS Code in the browser) builds its kerberos module against it when it installs',
  },
  { name: 'g++', for: ['test', 'start'], why: "code-server's native modules (node-pty, kerberos, spdlog) are compiled when it installs" },
  { name: 'make', for: ['test', 'start'], why: 'node-gyp runs make to build those native modules' },
  { name: 'python3', for: ['test', 'start'], why: 'node-gyp needs Python to build those native modules' },
  {
    name: 'ripgrep',
    for: ['test', 'start'],
    why: "VS Code's search in code-server uses rg; its own download from GitHub is not reachable",
  },
  { name: 'pandoc', for: ['test'], why: 'the Pandoc citation test renders a draft with `pandoc --citeproc`' },
  { name: 'neovim', for: ['test'], why: "the Neovim test runs the README's configuration headless against the server" },
  { name: 'postgresql', for: ['test'], why: 'the team-archive tests run against a local PostgreSQL server' },
];

/** The packages a command needs. */
export function packagesFor(purpose) {
  return PACKAGES.filter((p) => purpose === 'all' || p.for.includes(purpose));
}

/** The exact command a user without root runs to install `names`. */
export function installCommand(names) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(' ')}`;
}

/**
 * What to do about missing packages, decided from plain facts so that a test can check every case:
 * 'none' (all present), 'install' (go ahead), 'ask' (root at a terminal), 'stop' (print the command, exit 1).
 */
export function decide({ missing, root, interactive, ci, sudo, yes, check }) {
  if (missing.length === 0) return { action: 'none', sudo: false };
  if (check) return { action: 'stop', sudo: false };
  if (root) return { action: interactive && !yes && !ci ? 'ask' : 'install', sudo: false };
  // A CI runner (GitHub's, for one) is not root but has password-less sudo: the same step works there unattended.
  if (ci && sudo) return { action: 'install', sudo: true };
  return { action: 'stop', sudo: false };
}

/** The names among `names` that dpkg does not report as installed; null when this is not a Debian system. */
export function missingPackages(names) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n', ...names], { encoding: 'utf8' });
  if (result.error) return null;
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

function option(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

async function confirm(question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}

function apt(args, sudo) {
  const [command, argv] = sudo ? ['sudo', ['-n', 'apt-get', ...args]] : ['apt-get', args];
  console.log(`system packages: ${[command, ...argv].join(' ')}`);
  const result = spawnSync(command, argv, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** Checks and, where allowed, installs the packages for `purpose`; returns the exit status (0 = all present). */
export async function ensureSystemPackages({ purpose = 'all', yes = false, check = false, log = console.log } = {}) {
  const wanted = packagesFor(purpose);
  const names = wanted.map((p) => p.name);
  const missing = missingPackages(names);
  const label = purpose === 'all' ? 'the tests and the demo' : `npm ${purpose}`;
  if (missing === null) {
    log(
      `system packages: dpkg-query not found (not Debian); ${label} need${purpose === 'all' ? '' : 's'} these packages or their equivalents:`,
    );
    for (const p of wanted) log(`  ${p.name.padEnd(18)} ${p.why}`);
    return 0;
  }
  const root = process.getuid?.() === 0;
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const sudo = !root && ci && spawnSync('sudo', ['-n', 'true']).status === 0;
  const decision = decide({ missing, root, interactive: Boolean(process.stdin.isTTY), ci, sudo, yes, check });
  if (decision.action === 'none') {
    log(`system packages: all present for ${label} (${names.join(' ')})`);
    return 0;
  }
  log(
    `system packages: ${label} need${purpose === 'all' ? '' : 's'} ${missing.length} Debian package${missing.length === 1 ? '' : 's'} that ${missing.length === 1 ? 'is' : 'are'} not installed:`,
  );
  for (const p of wanted.filter((w) => missing.includes(w.name))) log(`  ${p.name.padEnd(18)} ${p.why}`);
  const command = installCommand(missing);
  const again = purpose === 'all' ? 'the command' : `\`npm ${purpose}\``;
  if (decision.action === 'stop') {
    log(`\nInstall ${missing.length === 1 ? 'it' : 'them'} (root is needed), then run ${again} again:\n\n    ${command}\n`);
    return 1;
  }
  if (decision.action === 'ask' && !(await confirm(`Install ${missing.length === 1 ? 'it' : 'them'} now with apt-get? [Y/n] `))) {
    log(`\nNothing installed. To install them yourself:\n\n    ${command}\n`);
    return 1;
  }
  log(`system packages: installing ${missing.join(' ')} (apt-get update first)`);
  if (!apt(['update', '-q'], decision.sudo) || !apt(['install', '-y', '-q', '--no-install-recommends', ...missing], decision.sudo)) {
    log(`system packages: apt-get failed (see above); run it yourself:\n\n    ${command}\n`);
    return 1;
  }
  const still = missingPackages(missing) ?? [];
  if (still.length) {
    log(`system packages: still missing after apt-get: ${still.join(' ')}`);
    return 1;
  }
  log(`system packages: installed ${missing.join(' ')}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const purpose = option(argv, '--for', 'all');
  if (!['all', 'test', 'start'].includes(purpose)) {
    console.error(`system packages: --for must be test, start or all, not "${purpose}"`);
    process.exit(2);
  }
  ensureSystemPackages({ purpose, yes: argv.includes('--yes'), check: argv.includes('--check') }).then((status) => {
    process.exitCode = status;
  });
}
