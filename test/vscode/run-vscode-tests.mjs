// `npm run test:vscode`: the extension-host mocha suite (test/vscode/suite) inside a real VS Code.
// Where it runs, in this order:
//   1. VSCODE_EXECUTABLE=/path/to/code → @vscode/test-electron launches that desktop VS Code;
//   2. --download → @vscode/test-electron downloads desktop VS Code (needs access to update.code.visualstudio.com);
//   3. otherwise the cached code-server (installed first if missing): its VS Code web workbench takes the same
//      extensionDevelopmentPath / extensionTestsPath (as the `payload` of the URL), runs the suite in code-server's
//      Node extension host, and reports the exit code through window.codeAutomationExit, as @vscode/test-web does;
//      Chromium (Playwright) only hosts the workbench page.
// Prints `N passed, N failed` and exits non-zero when a test fails.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureCodeServer, isInstalled } from '../../scripts/editor-install.mjs';
import { freePort, launchChromium, prepareDataDirs, prepareWorkspace, root, startCodeServer } from '../../scripts/code-server.mjs';
import { DRAFTS } from '../e2e/scenarios.mjs';

const argv = process.argv.slice(2);
// One folder per run, so that concurrent runs never share state; removed after a passing run.
const workDir = path.join(root, '.cache', 'vscode-tests', `run-${process.pid}`);
const suiteDir = path.join(workDir, 'suite');
const resultsFile = path.join(workDir, 'results.json');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();

async function buildSuite() {
  // The extension under development is the repository itself: dist/ must hold a current build.
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
  fs.rmSync(suiteDir, { recursive: true, force: true });
  const here = path.join(root, 'test', 'vscode', 'suite');
  await esbuild.build({
    entryPoints: fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(here, f)),
    outdir: suiteDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  fs.rmSync(resultsFile, { force: true });
  return prepareWorkspace(path.join(workDir, 'workspace'), { files: DRAFTS });
}

function report(mode) {
  if (!fs.existsSync(resultsFile)) {
    console.log(`vscode: no results were written (${mode}); the suite did not run to its end`);
    return { passed: 0, failed: 1 };
  }
  const { results } = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  for (const r of results) {
    console.log(`  ${r.state === 'passed' ? '✔' : '✘'} ${r.title}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}`);
    if (r.error) console.log(`      ${r.error.split('\n').slice(0, 8).join('\n      ')}`);
  }
  const passed = results.filter((r) => r.state === 'passed').length;
  return { passed, failed: results.length - passed || (results.length ? 0 : 1) };
}

async function runElectron(vscodeExecutablePath, workspace) {
  const { runTests } = await import('@vscode/test-electron');
  const userDataDir = path.join(workDir, 'electron-user-data');
  await runTests({
    ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(suiteDir, 'index.js'),
    extensionTestsEnv: { SOURCED_VSCODE_RESULTS: resultsFile },
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--user-data-dir', userDataDir],
  }).catch((error) => console.log(`vscode: ${error instanceof Error ? error.message : error}`));
  return report(vscodeExecutablePath ? `VS Code at ${vscodeExecutablePath}` : 'downloaded VS Code');
}

async function runCodeServer(workspace) {
  const codeServer = ensureCodeServer();
  const dirs = prepareDataDirs(path.join(workDir, 'code-server'), { fresh: true });
  const port = await freePort();
  const server = await startCodeServer(codeServer, { port, workspace, dirs, logFile: path.join(workDir, 'code-server.log') });
  let browser;
  try {
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(path.join(suiteDir, 'index.js'))],
      ['extensionEnvironment', JSON.stringify({ SOURCED_VSCODE_RESULTS: resultsFile })],
    ];
    browser = await launchChromium();
    const page = await browser.newPage();
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    // The extension host's console (mocha's spec reporter) is forwarded to the page's console: kept for debugging.
    const consoleLog = fs.createWriteStream(path.join(workDir, 'page-console.log'));
    page.on('console', (message) => {
      const text = message.text();
      consoleLog.write(`${message.type()}: ${text}\n`);
    });
    await page.goto(`${server.url}/?folder=${encodeURI(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 180_000))]);
    if (code === 'timeout') console.log('vscode: the suite did not finish within 3 minutes');
    else console.log(`vscode: extension host exited with code ${code}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
  return report('code-server');
}

let outcome;
const executable = process.env.VSCODE_EXECUTABLE;
if (executable) {
  console.log(`vscode: running the suite in desktop VS Code at ${executable} (@vscode/test-electron)`);
  outcome = await runElectron(executable, await buildSuite());
} else if (argv.includes('--download')) {
  console.log('vscode: downloading desktop VS Code with @vscode/test-electron');
  outcome = await runElectron(undefined, await buildSuite());
} else {
  // Without a desktop VS Code, code-server's (installed first if needed): the suite never passes by not running.
  console.log(`vscode: running the suite in code-server's VS Code extension host${isInstalled() ? '' : ' (installing code-server first)'}`);
  outcome = await runCodeServer(await buildSuite());
}
console.log(`\nvscode: ${outcome.passed} passed, ${outcome.failed} failed in ${seconds(Date.now() - started)}`);
if (!outcome.failed) fs.rmSync(workDir, { recursive: true, force: true });
else console.log(`vscode: logs kept in ${path.relative(root, workDir)}/ (page-console.log, code-server.log, code-server/user-data/logs)`);
process.exit(outcome.failed ? 1 : 0);
