/**
 * The editor configurations in the README parse in their own language and start the built server over stdio.
 * (Neovim 0.7–0.10 is run for real by `npm run test:neovim`; the others cannot run here, so they are checked for syntax.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { editorConfigs } from '../helpers/editor-configs.mjs';

const blocks = editorConfigs();
const tmp = mkdtempSync(path.join(tmpdir(), 'sourced-editor-configs-'));

test('editor configs: the README has a block for each editor', () => {
  assert.deepEqual(blocks.map((b) => b.name).sort(), ['emacs-eglot', 'helix', 'neovim-0.11', 'neovim-0.7', 'zed']);
});

for (const block of blocks) {
  test(`editor configs: ${block.name} (${block.language}) parses and names the server`, () => {
    if (block.name !== 'zed') {
      assert.ok(block.text.includes('/path/to/sourced/dist/server.js'), 'runs dist/server.js');
      assert.ok(block.text.includes('--stdio'), 'over stdio');
    }
    const file = path.join(tmp, `${block.name}.${block.language}`);
    writeFileSync(file, block.text);
    if (block.language === 'json') JSON.parse(block.text);
    else if (block.language === 'toml') {
      const r = spawnSync('python3', ['-c', 'import sys, tomllib; tomllib.load(open(sys.argv[1], "rb"))', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, `python3 tomllib: ${r.stderr}`);
    } else if (block.language === 'lua') {
      // Neovim's LuaJIT compiles the chunk without running it.
      const r = spawnSync(
        'nvim',
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `lua assert(loadfile(${JSON.stringify(file)}))`, '-c', 'qa!'],
        { encoding: 'utf8', timeout: 30_000 },
      );
      assert.equal(r.error, undefined, 'nvim runs (Debian package neovim)');
      assert.equal(`${r.stdout}${r.stderr}`.trim(), '', 'no Lua syntax error');
    } else if (block.language === 'elisp') {
      // No Emacs here: balanced parentheses and strings at least.
      let depth = 0;
      for (const c of block.text.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/;.*$/gm, '')) {
        depth += c === '(' ? 1 : c === ')' ? -1 : 0;
        assert.ok(depth >= 0, 'no unmatched )');
      }
      assert.equal(depth, 0, 'balanced parentheses');
    } else assert.fail(`unknown language ${block.language}`);
  });
}
