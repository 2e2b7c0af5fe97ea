// Bundles the extension client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readerPatches } from './scripts/esbuild-reader-patches.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // vscode-languageserver and friends ship both ESM and CJS; prefer the Node build.
  mainFields: ['module', 'main'],
  // Some ESM dependencies (fdir) read import.meta.url, which a CJS bundle lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  plugins: [readerPatches],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', external: ['better-sqlite3'] },
  { ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', external: ['better-sqlite3'] },
  // The format readers' worker thread (HTML, PDF, DOCX), started by the server and the CLI from dist/.
  { ...common, entryPoints: ['server/src/node/reader-worker.ts'], outfile: 'dist/reader-worker.js' },
];

/**
 * The SQLite driver is native, so it cannot be bundled: its JavaScript, its compiled module and the two small
 * packages that locate the module are copied to dist/node_modules/, where dist/server.js and dist/cli.js resolve
 * `better-sqlite3` first (the VSIX ships this folder; see .vscodeignore). Without it the server warns and indexes
 * in memory.
 */
const NATIVE_FILES = {
  'better-sqlite3': ['package.json', 'LICENSE', 'lib', 'build/Release/better_sqlite3.node'],
  bindings: ['package.json', 'LICENSE.md', 'bindings.js'],
  'file-uri-to-path': ['package.json', 'LICENSE', 'index.js'],
};

/** Copies the SQLite driver next to the bundles; a missing driver is reported, not fatal. */
function stageNativeDriver() {
  const target = path.join('dist', 'node_modules');
  fs.rmSync(target, { recursive: true, force: true });
  for (const [name, files] of Object.entries(NATIVE_FILES)) {
    for (const file of files) {
      const from = path.join('node_modules', name, file);
      if (!fs.existsSync(from)) {
        console.warn(`esbuild: ${from} is missing; the built server will index in memory`);
        continue;
      }
      fs.cpSync(from, path.join(target, name, file), { recursive: true });
    }
  }
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  stageNativeDriver();
  console.log('esbuild: watching client, server and CLI');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  stageNativeDriver();
  console.log(
    `esbuild: built dist/extension.js, dist/server.js, dist/cli.js, dist/reader-worker.js${production ? ' (production)' : ''} in ${Date.now() - started} ms`,
  );
}
