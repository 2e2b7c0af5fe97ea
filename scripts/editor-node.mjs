// `npm run test:editor-node`: runs the SQLite store's tests on the Node that desktop VS Code's Electron embeds
// (22.x), where the shipped better-sqlite3 (built for Node 20) cannot load and the server uses Node's built-in
// `node:sqlite` instead. That Node comes from the npm registry (the `node-<platform>-<arch>` package that the
// `node` package itself installs) into .cache/node-<version>/, idempotently: when it is there, nothing is fetched.
// Usage: node scripts/editor-node.mjs [-- <arguments for that node>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node of current desktop VS Code releases (Electron 35 and later embed Node 22). */
export const EDITOR_NODE_VERSION = '22.23.5';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.cache', `node-${EDITOR_NODE_VERSION}`);
const binary = path.join(dir, process.platform === 'win32' ? 'node.exe' : path.join('bin', 'node'));

function packageName() {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${platform}-${process.arch}@${EDITOR_NODE_VERSION}`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`editor node: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Fetches the package with npm (the registry is the only network these machines reach) and unpacks it. */
function fetchNode() {
  const work = mkdtempSync(path.join(tmpdir(), 'sourced-editor-node-'));
  try {
    console.log(`editor node: fetching ${packageName()} from the npm registry (about 50 MB, once) into ${path.relative(root, dir)}`);
    const packed = spawnSync('npm', ['pack', packageName(), '--pack-destination', work, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (packed.status !== 0) {
      console.error(`editor node: \`npm pack ${packageName()}\` failed (exit ${packed.status ?? packed.signal})`);
      process.exit(1);
    }
    // npm names the tarball it wrote in its JSON report.
    const [{ filename }] = JSON.parse(packed.stdout);
    run('tar', ['xzf', path.join(work, filename), '-C', work]);
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(work, 'package'), dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (!existsSync(binary)) fetchNode();
else console.log(`editor node: Node ${EDITOR_NODE_VERSION} already in ${path.relative(root, dir)}`);

const dash = process.argv.indexOf('--');
if (dash >= 0) {
  const args = process.argv.slice(dash + 1);
  // The store is opened with node:sqlite, as in desktop VS Code (better-sqlite3 would not load there anyway).
  const env = { ...process.env, SOURCED_SQLITE_MODULE: 'node:sqlite', NODE_NO_WARNINGS: '1' };
  const result = spawnSync(binary, args, { stdio: 'inherit', cwd: root, env });
  process.exit(result.status ?? 1);
}
