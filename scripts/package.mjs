// `npm run package`: production bundles (minified, no source maps) → sourced-<version>.vsix with @vscode/vsce.
// What ships is decided by .vscodeignore: dist/*.js, README, CHANGELOG, LICENSE and docs/icon.png.
import { execFileSync } from 'node:child_process';
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
  execFileSync(process.execPath, [
    vsce, 'package',
    '--no-dependencies', // everything the extension needs is bundled by esbuild
    '--allow-missing-repository', // no public repository yet; without it vsce stops to ask
    '--no-rewrite-relative-links', // README links stay relative (docs/*.png) instead of failing without a repository
    '--out', vsix,
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  log(`package: ${path.relative(root, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  return vsix;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  packageExtension();
}
