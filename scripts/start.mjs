// `npm start`: builds and packages Sourced, installs it into the cached code-server (installing code-server first
// if needed), prints the findings of `sourced check` on the example draft, and serves VS Code on a copy of
// examples/ + seeds/ at http://127.0.0.1:8080 until Ctrl+C.
// Usage: npm start [-- --port 9000]   (or PORT=9000 npm start)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ensureCodeServer } from './editor-install.mjs';
import { packageExtension } from './package.mjs';
import { installExtension, portInUse, prepareDataDirs, prepareWorkspace, root, startCodeServer } from './code-server.mjs';

function option(name) {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const inline = process.argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

const port = Number(option('--port') ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`start: invalid port ${option('--port') ?? process.env.PORT}`);
  process.exit(2);
}
if (await portInUse(port)) {
  console.error(`start: port ${port} is in use; choose another with PORT=9000 npm start or npm start -- --port 9000`);
  process.exit(1);
}

try {
  const codeServer = ensureCodeServer();
  const vsix = packageExtension();
  // The same service as the editor, from the command line: what the writer will see in report.md.
  console.log('\nstart: findings of `sourced check examples/report.md` against seeds/:\n');
  spawnSync(process.execPath, [path.join(root, 'bin', 'sourced.js'), 'check', 'examples/report.md'], { cwd: root, stdio: 'inherit' });
  const dirs = prepareDataDirs(path.join(root, '.cache', 'editor'));
  console.log(`start: ${installExtension(codeServer, vsix, dirs).split('\n').pop()}`);
  // A copy, so that the demo never edits the committed examples; rebuilt on every start.
  const workspace = prepareWorkspace(path.join(root, '.cache', 'workspace'));
  const server = await startCodeServer(codeServer, { port, workspace, dirs });
  const url = `${server.url}/?folder=${encodeURI(workspace)}`;
  console.log(`\nSourced is running in VS Code (code-server) on a copy of examples/ with the seed sources:\n\n    ${url}\n`);
  console.log(`Open report.md. The workspace copy is ${path.relative(root, workspace)}/ (reset on each start). Ctrl+C stops.`);
  server.child.stdout.pipe(process.stdout);
  server.child.stderr.pipe(process.stderr);
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.child.once('exit', (code) => process.exit(code ?? 0));
} catch (error) {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
