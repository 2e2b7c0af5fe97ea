// `npm run package`: production bundles (minified, no source maps) → sourced-<version>.vsix with @vscode/vsce.
// What ships is decided by .vscodeignore: dist/*.js, README, CHANGELOG, LICENSE, docs/icon.png and the project-file
// schema. Fails on any vsce warning.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds production bundles and packages them; returns the absolute path of the .vsix. */
export function packageExtension({ log = console.log } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
  // Maps from a development build must not linger next to the production bundles.
  for (const file of fs.existsSync(path.join(root, 'dist')) ? fs.readdirSync(path.join(root, 'dist')) : []) {
    if (file.endsWith('.map')) fs.rmSync(path.join(root, 'dist', file));
  }
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(
    process.execPath,
    [
      vsce,
      'package',
      '--no-dependencies', // everything the extension needs is bundled by esbuild
      '--out',
      vsix,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error(`package: vsce package failed (exit ${result.status})`);
  // A warning (a missing field, a file that should not ship) is a packaging bug: fail rather than ship it.
  const warnings = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => /\bWARNING\b/.test(line));
  if (warnings.length) throw new Error(`package: vsce warned:\n${warnings.join('\n')}`);
  log(`package: ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  return vsix;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    packageExtension();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
