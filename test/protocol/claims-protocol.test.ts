/**
 * The claim diagnostics and their quick fixes over the real protocol: each
 * diagnostic code, each fix applied to the document text, and each fix applied
 * a second time adding nothing. Needs `npm run build` first.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { startOnSeeds, type SeedSession } from '../helpers/lsp-client';

const REFUGEES = 'Turkey hosts some 3.2 million Syrian refugees, according to UN data.';
const FIGHTERS = 'Iran has sent thousands of fighters to Syria since the conflict broke out.';
const REFUGEES_KEY = 'turkey-which-backs-2024';
const REFUGEES_FILE = 'seeds/000_e69ee878f7b3fed3.txt';

let workspace: string;
let session: SeedSession;
let counter = 0;

before(async () => {
  session = await startOnSeeds();
  workspace = session.workspace;
});

after(async () => {
  await session.close();
});

/** An open draft we edit as a client would: apply edits locally, send the full new text. */
class Draft {
  doc: TextDocument;
  constructor(text: string) {
    const uri = pathToFileURL(path.join(workspace, `claims-${++counter}.md`)).href;
    this.doc = TextDocument.create(uri, 'markdown', 1, text);
    session.open(uri, text);
  }
  get text(): string {
    return this.doc.getText();
  }
  async diagnostics(): Promise<Diagnostic[]> {
    const p = await session.waitFor(
      () => session.diagnostics.get(this.doc.uri),
      (d) => d?.version === this.doc.version,
      15_000,
    );
    assert.equal(p?.version, this.doc.version, 'diagnostics for the current version');
    return p.diagnostics;
  }
  async actions(diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: this.doc.uri },
      range,
      context: { diagnostics, only },
    });
  }
  apply(action: CodeAction): void {
    const edits: TextEdit[] = action.edit?.changes?.[this.doc.uri] ?? [];
    assert.ok(edits.length > 0, `action "${action.title}" has edits`);
    const text = TextDocument.applyEdits(this.doc, edits);
    this.doc = TextDocument.create(this.doc.uri, 'markdown', this.doc.version + 1, text);
    session.change(this.doc.uri, this.doc.version, text);
  }
}

const byCode = (ds: Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => d.code === code);
const count = (text: string, part: string): number => text.split(part).length - 1;

test('claims protocol: unsourced-claim on an uncited factual sentence names the supporting source; not on a heading, question or hedge', async () => {
  const d = new Draft(`# Turkey hosts refugees\n\n${REFUGEES}\n\nWhat will Moscow do next? In our view, much remains uncertain.\n`);
  const ds = byCode(await d.diagnostics(), 'unsourced-claim');
  assert.equal(ds.length, 1, JSON.stringify(ds.map((x) => x.message)));
  assert.equal(ds[0].range.start.line, 2);
  assert.equal(ds[0].severity, 2, 'warning by default');
  assert.match(
    typeof ds[0].message === 'string' ? ds[0].message : ds[0].message.value,
    new RegExp(`^Unsourced claim \u2014 ${REFUGEES_KEY} says: \u201c.*3\\.2 million Syrian refugees`),
  );
});

test('claims protocol: Cite quick fix inserts the marker after the sentence and one definition; a second run adds nothing', async () => {
  const d = new Draft(`${REFUGEES}\n`);
  const ds = byCode(await d.diagnostics(), 'unsourced-claim');
  const actions = await d.actions(ds);
  const cites = actions.filter((a) => a.title.startsWith('Cite '));
  assert.ok(cites.length >= 1 && cites.length <= 3);
  const preferred = actions.filter((a) => a.isPreferred);
  assert.equal(preferred.length, 1);
  assert.match(preferred[0].title, new RegExp(`^Cite ${REFUGEES_KEY} \u2014 `));
  d.apply(preferred[0]);
  assert.ok(d.text.startsWith(`${REFUGEES}[^${REFUGEES_KEY}]\n`), d.text);
  assert.equal(count(d.text, `[^${REFUGEES_KEY}]:`), 1);
  assert.ok(d.text.includes(REFUGEES_FILE));
  assert.equal(byCode(await d.diagnostics(), 'unsourced-claim').length, 0, 'cited now');
  const again = (await d.actions(ds)).filter((a) => a.title.startsWith(`Cite ${REFUGEES_KEY}`));
  assert.equal(again.length, 0, 'the stale fix is not offered again once applied');
});

test('claims protocol: Mark as analysis inserts the suppression comment, keeps the text, and the next sentence is still checked', async () => {
  const d = new Draft(`${REFUGEES} ${FIGHTERS}\n`);
  const ds = byCode(await d.diagnostics(), 'unsourced-claim');
  assert.equal(ds.length, 2);
  const mark = (await d.actions([ds[0]])).find((a) => a.title === 'Mark as analysis');
  assert.ok(mark);
  d.apply(mark);
  assert.equal(d.text, `<!-- sourced-ignore --> ${REFUGEES} ${FIGHTERS}\n`);
  const after = byCode(await d.diagnostics(), 'unsourced-claim');
  assert.equal(after.length, 1, 'only the second sentence is still flagged');
  assert.ok(d.doc.getText(after[0].range).startsWith('Iran has sent'));
  const again = (await d.actions([ds[0]])).find((a) => a.title === 'Mark as analysis');
  assert.equal(again, undefined, 'marking twice adds nothing');
});

test('claims protocol: number-mismatch shows the source figure and its fix replaces only the figure', async () => {
  const wrong = REFUGEES.replace('3.2', '3.6');
  const d = new Draft(`${wrong}[^${REFUGEES_KEY}]\n\n[^${REFUGEES_KEY}]: Turkey rejects interference. ${REFUGEES_FILE}\n`);
  const ds = byCode(await d.diagnostics(), 'number-mismatch');
  assert.equal(ds.length, 1);
  assert.equal(d.doc.getText(ds[0].range), '3.6 million');
  assert.match(
    typeof ds[0].message === 'string' ? ds[0].message : ds[0].message.value,
    /the source says 3\.2 million, the draft says 3\.6 million/,
  );
  assert.equal(byCode(await d.diagnostics(), 'unsourced-claim').length, 0, 'cited, so not unsourced');
  const fix = (await d.actions(ds)).find((a) => a.isPreferred);
  assert.ok(fix);
  d.apply(fix);
  assert.equal(d.text, `${REFUGEES}[^${REFUGEES_KEY}]\n\n[^${REFUGEES_KEY}]: Turkey rejects interference. ${REFUGEES_FILE}\n`);
  assert.equal(byCode(await d.diagnostics(), 'number-mismatch').length, 0);
});

test('claims protocol: unknown-citation for a key with no definition and no source', async () => {
  const d = new Draft(`${REFUGEES}[^no-such-source]\n`);
  const ds = byCode(await d.diagnostics(), 'unknown-citation');
  assert.equal(ds.length, 1);
  assert.equal(d.doc.getText(ds[0].range), '[^no-such-source]');
});

test('claims protocol: source.fixAll.sourced cites every supported claim once; applying it again changes nothing', async () => {
  const original = `# Notes\n\n${REFUGEES}\n\n${FIGHTERS}\n\nWe think this will last.\n`;
  const d = new Draft(original);
  assert.equal(byCode(await d.diagnostics(), 'unsourced-claim').length, 2);
  const fixAll = (await d.actions([], ['source.fixAll.sourced'])).find((a) => a.kind === 'source.fixAll.sourced');
  assert.ok(fixAll);
  d.apply(fixAll);
  assert.ok(d.text.includes(`${REFUGEES}[^${REFUGEES_KEY}]`), d.text);
  assert.ok(d.text.includes(`${FIGHTERS}[^${REFUGEES_KEY}]`), d.text);
  assert.equal(count(d.text, `[^${REFUGEES_KEY}]:`), 1, 'one definition per source');
  assert.ok(d.text.includes('We think this will last.\n'), 'writer text kept');
  for (const line of original.split('\n').filter(Boolean)) assert.ok(d.text.includes(line.replace(/\.$/, '')), `kept: ${line}`);
  assert.equal(byCode(await d.diagnostics(), 'unsourced-claim').length, 0);
  const second = (await d.actions([], ['source.fixAll.sourced'])).find((a) => a.kind === 'source.fixAll.sourced');
  assert.equal(second, undefined, 'nothing left to cite');
});

test('claims protocol: the sourced.citeAllSupportedClaims command sends one workspace edit that cites the claims', async () => {
  const d = new Draft(`${FIGHTERS}\n`);
  await d.diagnostics();
  let received: { edit: { changes: Record<string, TextEdit[]> } } | undefined;
  session.connection.onRequest('workspace/applyEdit', (p: { edit: { changes: Record<string, TextEdit[]> } }) => {
    received = p;
    return { applied: true };
  });
  const result = await session.connection.sendRequest<{ cited: number }>('workspace/executeCommand', {
    command: 'sourced.citeAllSupportedClaims',
    arguments: [d.doc.uri],
  });
  assert.ok(received, 'applyEdit sent');
  const text = TextDocument.applyEdits(d.doc, received.edit.changes[d.doc.uri]);
  assert.ok(text.startsWith(`${FIGHTERS}[^${REFUGEES_KEY}]\n`), text);
  assert.ok(result.cited >= 1);
});
