// `npm run test:e2e`: the end-to-end scenarios in a real VS Code. Packages Sourced, installs it into the cached
// code-server (installing code-server first if needed), serves a fresh copy of examples/ + seeds/ on a free port,
// and drives it with Playwright in Debian's Chromium. Screenshots of every step go to test-results/e2e/.
// Options: --only <n,…> runs some scenarios (1-based); --docs-screenshots also writes docs/screenshot-*.png;
// --keep leaves code-server running at the end (for a look in a browser).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCodeServer } from '../../scripts/editor-install.mjs';
import { packageExtension } from '../../scripts/package.mjs';
import {
  CHROMIUM,
  freePort,
  installExtension,
  launchChromium,
  prepareDataDirs,
  prepareWorkspace,
  root,
  startCodeServer,
} from '../../scripts/code-server.mjs';
import { DRAFTS, SCENARIOS } from './scenarios.mjs';
import { Workbench } from './workbench.mjs';

const argv = process.argv.slice(2);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',').map(Number) : null;
const docsScreenshots = argv.includes('--docs-screenshots') || process.env.SOURCED_DOCS_SCREENSHOTS === '1';
const keep = argv.includes('--keep');
const resultsDir = path.join(root, 'test-results', 'e2e');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

if (!fs.existsSync(CHROMIUM)) {
  console.error(`e2e: ${CHROMIUM} is missing; install Debian's chromium (npm run system-packages) or set CHROMIUM_PATH`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}

const started = Date.now();
let server;
let browser;
let dataDir;
const results = [];
try {
  const codeServer = ensureCodeServer({ log: (line) => console.log(line) });
  const vsix = packageExtension({ log: (line) => console.log(line) });
  // One folder per run, so that two runs at the same time (two terminals, two agents) never share state.
  dataDir = path.join(root, '.cache', 'e2e', `run-${process.pid}`);
  const dirs = prepareDataDirs(dataDir, { fresh: true });
  installExtension(codeServer, vsix, dirs);
  const workspace = prepareWorkspace(path.join(dataDir, 'workspace'), {
    files: DRAFTS,
    // Typing `“` must leave the quotation open, as a writer's keyboard does.
    settings: { 'editor.autoClosingQuotes': 'never', 'editor.autoClosingBrackets': 'never', 'editor.hover.delay': 200 },
  });
  fs.mkdirSync(resultsDir, { recursive: true });

  const port = await freePort();
  server = await startCodeServer(codeServer, {
    port,
    workspace,
    dirs,
    logFile: path.join(resultsDir, 'code-server.log'),
    outliveParent: keep,
  });
  console.log(`e2e: code-server ready on ${server.url} after ${seconds(Date.now() - started)} (setup included)`);

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
  const wb = new Workbench(page, workspace);
  await wb.load(server.url);

  for (const [i, scenario] of SCENARIOS.entries()) {
    const n = i + 1;
    if (only && !only.includes(n)) continue;
    const t0 = Date.now();
    for (const old of fs.readdirSync(resultsDir).filter((f) => f.startsWith(`${n}-`) && f.endsWith('.png')))
      fs.rmSync(path.join(resultsDir, old));
    let step = 0;
    const shot = async (name, { docs, docsClip } = {}) => {
      step++;
      const file = path.join(resultsDir, `${n}-${step}-${name}.png`);
      // Hovers and menus fade in: wait until no finite animation runs, so the picture is not half transparent.
      await page
        .waitForFunction(
          () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
          null,
          { timeout: 3000 },
        )
        .catch(() => undefined);
      await page.screenshot({ path: file });
      if (docs && docsScreenshots) await page.screenshot({ path: path.join(root, 'docs', docs), ...(docsClip ? { clip: docsClip } : {}) });
    };
    try {
      const note = await scenario.run({ wb, shot });
      results.push({ n, name: scenario.name, ok: true, ms: Date.now() - t0 });
      console.log(`  ✔ ${n}. ${scenario.name} (${seconds(Date.now() - t0)})${note ? ` — ${note}` : ''}`);
    } catch (error) {
      results.push({ n, name: scenario.name, ok: false, ms: Date.now() - t0 });
      await page.screenshot({ path: path.join(resultsDir, `${n}-failure.png`) }).catch(() => undefined);
      console.log(`  ✘ ${n}. ${scenario.name} (${seconds(Date.now() - t0)})`);
      console.log(`      ${(error instanceof Error ? error.message : String(error)).split('\n').join('\n      ')}`);
      // Leave the editor in a neutral state for the next scenario.
      for (let k = 0; k < 3; k++) await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
} catch (error) {
  console.error(`e2e: setup failed: ${error instanceof Error ? error.stack : error}`);
  if (server) console.error(`code-server output:\n${server.output()}`);
  results.push({ n: 0, name: 'setup', ok: false, ms: Date.now() - started });
} finally {
  await browser?.close().catch(() => undefined);
  if (server && !keep) await server.stop();
  if (server && keep) {
    server.child.unref();
    console.log(
      `e2e: code-server left running on ${server.url}/?folder=${encodeURI(path.join(dataDir, 'workspace'))} (process group ${server.child.pid})`,
    );
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
// A passing run leaves nothing behind; a failing one keeps its workspace and editor logs for a look.
if (dataDir && !keep && !failed) fs.rmSync(dataDir, { recursive: true, force: true });
else if (dataDir) console.log(`e2e: workspace and editor logs kept in ${path.relative(root, dataDir)}/`);
console.log(
  `\ne2e: ${passed} passed, ${failed} failed in ${seconds(Date.now() - started)} (screenshots: ${path.relative(root, resultsDir)}/)`,
);
process.exit(failed || !results.length ? 1 : 0);
