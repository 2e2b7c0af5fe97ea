// `npm run test:neovim`: Debian's Neovim, headless, with the README's Neovim 0.7–0.10 configuration (read from
// README.md, not copied), opens examples/report.md in a copy of examples/ + seeds/ (once with the repository's
// .sourced.json, once without, so that the client sends no root), and must attach the server, index every seed
// source and receive its diagnostics. Fails (never skips) when nvim is missing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { editorConfig, REPO_ROOT } from '../helpers/editor-configs.mjs';

const NVIM = process.env.NVIM_PATH || 'nvim';
const started = Date.now();
const failures = [];
const check = (ok, what) => {
  console.log(`  ${ok ? '✔' : '✘'} ${what}`);
  if (!ok) failures.push(what);
};

const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error(`neovim: ${NVIM} not found; install Debian's neovim (npm run system-packages) or set NVIM_PATH`);
  console.log('neovim: 0 passed, 1 failed');
  process.exit(1);
}
if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'server.js'))) {
  console.error('neovim: dist/server.js is missing; run npm run build first');
  console.log('neovim: 0 passed, 1 failed');
  process.exit(1);
}
console.log(`neovim: ${version.stdout.split('\n')[0]}`);

const config = editorConfig('neovim-0.7');
let result;
let tmp;
let passed = 0;
let failed = 0;
/** One headless Neovim session on a copy of the example layout; returns what probe.lua saw. */
function runNeovim({ projectFile }) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-nvim-'));
  const workspace = path.join(tmp, 'project');
  // The repository's example layout, copied so that nothing the server writes lands in the repository.
  for (const item of ['examples', 'seeds', ...(projectFile ? ['.sourced.json'] : [])]) {
    fs.cpSync(path.join(REPO_ROOT, item), path.join(workspace, item), { recursive: true });
  }
  const init = path.join(tmp, 'init.lua');
  fs.writeFileSync(init, config.text);
  const resultFile = path.join(tmp, 'result.json');
  const home = path.join(tmp, 'home');
  const env = {
    ...process.env,
    // Neovim's own state (LSP log, shada) stays in the temporary folder.
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    SOURCED_NVIM_RESULT: resultFile,
  };
  const run = spawnSync(
    NVIM,
    ['--headless', '-i', 'NONE', '-u', init, '-c', `luafile ${path.join(REPO_ROOT, 'test', 'neovim', 'probe.lua')}`, 'examples/report.md'],
    {
      cwd: workspace,
      env,
      encoding: 'utf8',
      timeout: 150_000,
      killSignal: 'SIGKILL',
    },
  );
  try {
    return { workspace, result: JSON.parse(fs.readFileSync(resultFile, 'utf8')) };
  } catch {
    console.error(`neovim: no result (exit ${run.status}, signal ${run.signal})\n${run.stdout}\n${run.stderr}`);
    return { workspace, result: undefined };
  }
}

const seedCount = fs.readdirSync(path.join(REPO_ROOT, 'seeds')).filter((f) => /\.(txt|md)$/.test(f)).length;
for (const variant of [
  { name: 'with the project file .sourced.json (root_dir from it)', projectFile: true },
  { name: 'without a project file (no root_dir: the server finds the root)', projectFile: false },
]) {
  console.log(`\n  ${variant.name}`);
  const before = failures.length;
  const run = runNeovim(variant);
  result = run.result;
  if (!result) {
    failures.push(`${variant.name}: no result`);
    failed++;
    continue;
  }
  const sourced = result.attached.find((c) => c.name === 'sourced');
  check(result.filetype === 'markdown', `report.md opened as markdown (filetype: ${result.filetype})`);
  check(Boolean(sourced), `the sourced server attached to the buffer (${result.timings.attached} ms; root_dir ${sourced?.root ?? 'none'})`);
  if (variant.projectFile) check(sourced?.root === run.workspace, `root_dir is the folder with .sourced.json (${run.workspace})`);
  check(
    result.status?.sources === seedCount,
    `every seed source indexed: ${result.status?.sources ?? 0} of ${seedCount} (${result.timings.ready} ms)`,
  );
  const claims = result.diagnostics.filter((d) => d.code === 'unsourced-claim' && d.source === 'sourced');
  check(
    claims.length > 0,
    `unsourced-claim diagnostics received: ${claims.length} (${result.diagnostics.length} in all, ${result.timings.diagnostics} ms)`,
  );
  for (const d of result.diagnostics.slice(0, 2))
    console.log(`      report.md:${d.line}: ${d.code}: ${d.message.split('\n')[0].slice(0, 100)}`);
  if (failures.length === before) passed++;
  else failed++;
  if (failures.length === before) fs.rmSync(tmp, { recursive: true, force: true });
  else console.log(`  kept ${tmp} (init.lua, result.json, home/state/nvim/lsp.log)`);
}
const ok = failures.length === 0;
console.log(
  `\nneovim: ${passed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (Neovim ${result?.version ?? '?'})`,
);
process.exit(ok ? 0 : 1);
