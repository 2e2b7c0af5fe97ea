// `npm run check:eglot`: the README's Emacs eglot block (read from README.md) in a batch Emacs on a copy of
// examples/ + seeds/ + .sourced.json (a git repository, eglot's project): the server must connect and publish
// diagnostics. Not part of `npm test` (Emacs is not among the system packages); needs Debian's emacs-nox,
// elpa-eglot and elpa-markdown-mode (Emacs 29 has eglot built in).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { editorConfig, REPO_ROOT } from '../helpers/editor-configs.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-eglot-'));
const project = path.join(tmp, 'project');
for (const item of ['examples', 'seeds', '.sourced.json'])
  fs.cpSync(path.join(REPO_ROOT, item), path.join(project, item), { recursive: true });
spawnSync('git', ['init', '-q'], { cwd: project });
fs.writeFileSync(path.join(tmp, 'config.el'), editorConfig('emacs-eglot').text);
const run = spawnSync('emacs', ['--batch', '-l', path.join(REPO_ROOT, 'test', 'editors', 'eglot-check.el')], {
  env: { ...process.env, CHECK_DIR: tmp, PROJECT: project, HOME: path.join(tmp, 'home') },
  encoding: 'utf8',
  timeout: 150_000,
});
if (run.error) {
  console.error(`eglot: emacs not found (${run.error.message}); install emacs-nox elpa-eglot elpa-markdown-mode`);
  process.exit(1);
}
process.stdout.write(
  `${run.stderr}`
    .split('\n')
    .filter((l) => !/^Loading|Waiting/.test(l))
    .join('\n'),
);
console.log(`\neglot: ${run.status === 0 ? 'connected and received diagnostics' : `failed (exit ${run.status})`}`);
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(run.status === 0 ? 0 : 1);
