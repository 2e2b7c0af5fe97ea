// Bundles the extension client, the language server and the CLI into dist/.
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
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

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching client, server and CLI');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(
    `esbuild: built dist/extension.js, dist/server.js, dist/cli.js, dist/reader-worker.js${production ? ' (production)' : ''} in ${Date.now() - started} ms`,
  );
}
