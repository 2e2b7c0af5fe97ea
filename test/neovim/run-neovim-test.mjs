// `npm run test:neovim`: Debian's Neovim, headless, with the README's Neovim 0.7–0.10 configuration (read from
// README.md, not copied), opens examples/report.md in a copy of examples/ + seeds/ + .sourced.json, and must attach
// the server, index every seed source and receive its diagnostics. Fails (never skips) when nvim is missing.
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

// The workspace: the repository's example layout, copied so that nothing the server writes lands in the repository.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-nvim-'));
const workspace = path.join(tmp, 'project');
for (const item of ['examples', 'seeds', '.sourced.json']) {
  const from = path.join(REPO_ROOT, item);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(workspace, item), { recursive: true });
}
const seedCount = fs.readdirSync(path.join(workspace, 'seeds')).filter((f) => /\.(txt|md)$/.test(f)).length;
const config = editorConfig('neovim-0.7');
const init = path.join(tmp, 'init.lua');
fs.writeFileSync(init, config.text);
const resultFile = path.join(tmp, 'result.json');
const home = path.join(tmp, 'home');
const env = {
  ...process.env,
  // Neovim's own state (LSP log, shada) stays in the temporary folder.
  HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'),
  XDG_STATE_HOME: path.join(home, 'state'), XDG_CACHE_HOME: path.join(home, 'cache'),
  SOURCED_NVIM_RESULT: resultFile,
};
const run = spawnSync(NVIM, ['--headless', '-i', 'NONE', '-u', init, '-c', `luafile ${path.join(REPO_ROOT, 'test', 'neovim', 'probe.lua')}`, 'examples/report.md'], {
  cwd: workspace, env, encoding: 'utf8', timeout: 150_000, killSignal: 'SIGKILL',
});

let result;
try {
  result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
} catch {
  console.error(`neovim: no result (exit ${run.status}, signal ${run.signal})\n${run.stdout}\n${run.stderr}`);
}
if (result) {
  const sourced = result.attached.find((c) => c.name === 'sourced');
  check(result.filetype === 'markdown', `report.md opened as markdown (filetype: ${result.filetype})`);
  check(Boolean(sourced), `the sourced server attached to the buffer (${result.timings.attached} ms; root ${sourced?.root ?? 'none'})`);
  const hasProjectFile = fs.existsSync(path.join(workspace, '.sourced.json'));
  if (hasProjectFile) check(sourced?.root === workspace, `the root is the folder with .sourced.json (${workspace})`);
  check(result.status?.sources === seedCount, `every seed source indexed: ${result.status?.sources ?? 0} of ${seedCount} (${result.timings.ready} ms)`);
  const claims = result.diagnostics.filter((d) => d.code === 'unsourced-claim' && d.source === 'sourced');
  check(claims.length > 0, `unsourced-claim diagnostics received: ${claims.length} (${result.diagnostics.length} in all, ${result.timings.diagnostics} ms)`);
  for (const d of result.diagnostics.slice(0, 3)) console.log(`      report.md:${d.line}: ${d.code}: ${d.message.split('\n')[0].slice(0, 100)}`);
} else {
  failures.push('no result');
}
const ok = failures.length === 0;
if (ok) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`neovim: kept ${tmp} (init.lua, result.json, home/state/nvim/lsp.log)`);
console.log(`\nneovim: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed in ${((Date.now() - started) / 1000).toFixed(1)} s (Neovim ${result?.version ?? '?'})`);
process.exit(ok ? 0 : 1);
