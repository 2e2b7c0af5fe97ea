// `npm start`: builds, then runs `sourced check` on the example draft against seeds/.
// (The real-editor work turns this into a served VS Code.)
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' });
const result = spawnSync(process.execPath, [path.join(root, 'bin', 'sourced.js'), 'check', 'examples/report.md'], { cwd: root, stdio: 'inherit' });
// Findings are the point of the demo: exit 0 unless the check itself failed.
process.exit(result.status === 2 ? 2 : 0);
