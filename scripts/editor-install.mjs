// `npm run editor:install`: installs code-server (VS Code in the browser) into .cache/code-server, idempotently.
// code-server is deliberately not a project dependency (≈300 MB, native modules); the end-to-end tests and
// `npm start` use this cached copy. The workarounds are the ones in the shared real-editor notes:
// Debian packages first (scripts/system-packages.mjs), a local ripgrep archive instead of a GitHub download, npm as root without a TTY.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(root, '.cache', 'code-server');
export const codeServerBin = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const marker = path.join(cacheDir, 'installed.json');

/** True when the cached code-server is complete at the pinned version. */
export function isInstalled() {
  try {
    const done = JSON.parse(fs.readFileSync(marker, 'utf8'));
    return done.version === CODE_SERVER_VERSION && fs.existsSync(codeServerBin);
  } catch {
    return false;
  }
}

/** Installs code-server unless it is already there; returns the path of its entry script. */
export function ensureCodeServer({ log = console.log } = {}) {
  if (isInstalled()) {
    log(`editor: code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(root, cacheDir)}`);
    return codeServerBin;
  }
  const started = Date.now();
  if (!acquireLock(log)) {
    // Another run installed it while this one waited.
    log(`editor: code-server ${CODE_SERVER_VERSION} installed by a concurrent run`);
    return codeServerBin;
  }
  try {
    return install(started, log);
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

const lockDir = path.join(root, '.cache', 'code-server.lock');

/** Takes the install lock; returns false when a concurrent run finished the install while we waited. */
function acquireLock(log) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (isInstalled()) return false;
    // A lock older than the deadline is from a run that died; take it over.
    const age = Date.now() - fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
    if (age > 10 * 60_000 || Date.now() > deadline) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (!told) log('editor: another run is installing code-server; waiting for it');
    told = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

function install(started, log) {
  installSystemPackages(log);
  const rg = findRipgrep();
  seedRipgrepCache(rg, log);

  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'sourced-editor-cache', private: true }, null, 2) + '\n');
  log(`editor: npm install code-server@${CODE_SERVER_VERSION} into ${path.relative(root, cacheDir)} (about a minute)`);
  const env = {
    ...process.env,
    npm_config_unsafe_perm: 'true', // npm as root would otherwise drop privileges for install scripts
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`, which prompts without a TTY
    // npm ≥ 11.19 skips dependency install scripts unless approved; code-server's tree needs them all
    // (its own postinstall installs VS Code's modules and builds node-pty, kerberos, spdlog, …).
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const result = spawnSync('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: cacheDir,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0 || !fs.existsSync(codeServerBin)) {
    throw new Error(`editor: npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}); see the output above`);
  }
  checkRipgrep(log);
  fs.writeFileSync(marker, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + '\n');
  log(`editor: code-server ${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return codeServerBin;
}

/** Runs the system-packages step (scripts/system-packages.mjs; one line when everything is present). */
function installSystemPackages(log) {
  log('editor: checking the Debian packages code-server needs to install');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'system-packages.mjs'), '--for', 'start'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('editor: Debian packages are missing (see above); code-server cannot be installed without them');
}

function findRipgrep() {
  for (const candidate of ['/usr/bin/rg', '/usr/local/bin/rg']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status === 0 && found) return found;
  throw new Error('editor: ripgrep (rg) is missing; install the Debian package `ripgrep` (npm run system-packages installs it)');
}

/** @vscode/ripgrep downloads rg from GitHub unless this archive is already in its cache; give it Debian's rg. */
function seedRipgrepCache(rg, log) {
  const dir = path.join(process.env.TMPDIR || os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  execFileSync('tar', ['-czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
  log(`editor: seeded the ripgrep cache with ${rg}`);
}

/** VS Code's search needs the rg that @vscode/ripgrep placed; say so plainly if it is missing. */
function checkRipgrep(log) {
  const vscodeRg = path.join(cacheDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(vscodeRg)) log(`editor: warning: ${vscodeRg} is missing; workspace search will not work`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureCodeServer();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
