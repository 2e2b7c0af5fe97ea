/**
 * Pandoc, for real: the example report in Pandoc style (`[@key]`), cited with
 * the fix-all action through the server, which keeps `sources.json` up to date;
 * then `pandoc --citeproc` renders it and the rendered bibliography must list
 * exactly the cited sources. Needs `npm run build` and the `pandoc` binary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { REPO } from '../helpers/fixture';
import { seedWorkspace, startServer } from '../helpers/lsp-client';

/** Words of each seed's title, by the key the seeds get (hand-written, from reading the files). */
const TITLE_WORDS: Record<string, string> = {
  'turkey-which-backs-2024': 'which backs opposition factions',
  'iran-turkey-warn': 'warn about Syria becoming',
  'turkey-chief-diplomat': 'chief diplomat and US Secretary',
  'turkish-president-recep-2024': 'Recep Tayyip Erdogan appears',
  'syrian-fm-denies-2022': 'denies mending ties',
};

/** The example report in Pandoc style: `[^key]` markers become `[@key]`, footnote definitions go. */
function pandocStyle(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\[\^[^\]]+\]:/.test(line))
    .join('\n')
    .replace(/\[\^([^\]\s]+)\]/g, '[@$1]')
    .replace(/\n+$/, '\n');
}

const citedKeys = (text: string): string[] => [...new Set([...text.matchAll(/@([\w:.#$%&+?<>~/-]*\w)/g)].map((m) => m[1]))].sort();

function pandocVersion(): string | null {
  try {
    return execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return null;
  }
}

test(
  'claims pandoc: the cited example renders with pandoc --citeproc and its bibliography lists exactly the cited sources',
  { timeout: 60_000 },
  async () => {
    const version = pandocVersion();
    assert.ok(version, 'pandoc is installed (Debian package "pandoc"; npm run system-packages installs it)');
    const workspace = seedWorkspace('sourced-pandoc-');
    const session = await startServer({ workspace, settings: { citations: { style: 'pandoc', bibliography: 'sources.json' } } });
    try {
      await session.whenReady(30_000);
      const file = path.join(workspace, 'report.md');
      const uri = pathToFileURL(file).href;
      let doc = TextDocument.create(uri, 'markdown', 1, pandocStyle(readFileSync(path.join(REPO, 'examples/report.md'), 'utf8')));
      session.open(uri, doc.getText());
      await session.waitFor(
        () => session.diagnostics.get(uri),
        (d) => d?.version === 1,
        15_000,
      );

      const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.sourced'] },
      });
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.sourced');
      assert.ok(fixAll, 'fix-all offered');
      const edits: TextEdit[] = fixAll.edit!.changes![uri];
      assert.ok(
        edits.every((e) => /^\[@[^\]]+\]$/.test(e.newText)),
        'Pandoc style inserts only [@key] markers',
      );
      doc = TextDocument.create(uri, 'markdown', 2, TextDocument.applyEdits(doc, edits));
      session.change(uri, 2, doc.getText());
      writeFileSync(file, doc.getText());

      const keys = citedKeys(doc.getText());
      assert.ok(keys.length >= 4, `the cited example cites several sources: ${keys.join(', ')}`);
      const bibliography = path.join(workspace, 'sources.json');
      const ids = await session.waitFor(
        () =>
          existsSync(bibliography) ? (JSON.parse(readFileSync(bibliography, 'utf8')) as { id: string }[]).map((i) => i.id).sort() : [],
        (v) => v.join() === keys.join(),
        8000,
      );
      assert.deepEqual(ids, keys, 'sources.json holds exactly the cited keys');

      const html = execFileSync('pandoc', ['report.md', '--citeproc', '--bibliography', 'sources.json', '-t', 'html', '--wrap=none'], {
        cwd: workspace,
        encoding: 'utf8',
      });
      const refs = html.slice(html.indexOf('id="refs"'));
      assert.ok(html.includes('id="refs"'), 'pandoc rendered a bibliography');
      const rendered = [...refs.matchAll(/id="ref-([^"]+)"/g)].map((m) => m[1]).sort();
      assert.deepEqual(rendered, keys, 'the rendered bibliography lists exactly the cited sources');
      for (const [key, words] of Object.entries(TITLE_WORDS)) {
        assert.equal(
          refs.toLowerCase().includes(words.toLowerCase()),
          keys.includes(key),
          `${key}: title ${keys.includes(key) ? 'listed' : 'not listed'}`,
        );
      }
      assert.ok(!/\?\?|citation .* not found/i.test(html), 'no unresolved citation');
      console.log(`claims pandoc: ${version}; rendered bibliography: ${rendered.join(', ')}`);
    } finally {
      await session.close();
      rmSync(workspace, { recursive: true, force: true });
    }
  },
);
