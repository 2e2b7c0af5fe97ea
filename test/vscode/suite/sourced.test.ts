/// <reference types="mocha" />
// Sourced inside a real VS Code extension host: the editor's own command API (completion, hover, diagnostics,
// code actions) against the running language server, on a workspace holding the seeds and small drafts.
// Expected values are hand-checked against seeds/ (test tables only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const FIDAN_QUOTE = 'It would be a mistake at this time to try to explain the events in Syria by any foreign interference';
const CLAIM_SOURCE = 'seeds/001_364f92249d520d82.txt';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the suite runs with the test workspace open');
  return f.uri;
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

async function poll<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function code(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function positionOf(doc: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `“${text}” in ${doc.uri.fsPath}`);
  return doc.positionAt(at + delta);
}

/** The hovers' Markdown with backslash escapes removed (corpus text is escaped by the server). */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

async function diagnosticWith(doc: vscode.TextDocument, wanted: string): Promise<vscode.Diagnostic> {
  return poll(`a ${wanted} diagnostic on ${doc.uri.fsPath}`, () =>
    vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'sourced' && code(d) === wanted),
  );
}

async function applyFix(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await poll('quick fixes', async () => {
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    return all?.some((a) => title.test(a.title)) ? all : undefined;
  });
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action?.edit, `a fix matching ${title} with an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return action;
}

describe('Sourced in the VS Code extension host', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension('sourced.sourced');
    assert.ok(extension, 'the extension under development is loaded');
    await open('e2e-hover.md');
    await extension.activate();
    // The first requests wait for the index; one hover proves the server answers.
    await poll(
      'the language server to answer',
      async () => {
        const doc = await open('e2e-hover.md');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          doc.uri,
          positionOf(doc, 'Fidan', 2),
        );
        return hovers?.length ? true : undefined;
      },
      60_000,
    );
  });

  it('completes a seed quotation with its speaker and citation (executeCompletionItemProvider)', async () => {
    const doc = await open('e2e-quote.md');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const end = doc.lineAt(2).range.end;
    await editor.edit((b) => b.insert(end, '“mistake at this time'));
    const position = doc.lineAt(2).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const item = list.items.find((i) => {
      const insert = typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? '');
      return insert.includes(FIDAN_QUOTE);
    });
    assert.ok(item, `the quotation among ${list.items.length} items`);
    assert.match(String(item.detail), /Hakan Fidan/);
    assert.ok(list.items.indexOf(item) < 3, 'in the first three items');
  });

  it('shows the actor card on a surname (executeHoverProvider)', async () => {
    const doc = await open('e2e-hover.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'Fidan', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /^\*\*Hakan Fidan\*\*/m);
    assert.match(text, /Foreign Minister \(Turkey\)/);
  });

  it('flags an uncited claim and cites its source with the preferred fix (getDiagnostics, executeCodeActionProvider)', async () => {
    const doc = await open('e2e-claim.md');
    const diagnostic = await diagnosticWith(doc, 'unsourced-claim');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    const action = await applyFix(doc, diagnostic, /^Cite /);
    assert.equal(action.isPreferred, true, 'the first Cite fix is the preferred one');
    const text = doc.getText();
    const marker = /groups\.\[\^([^\]]+)\]/.exec(text);
    assert.ok(marker, `a citation after the claim in:\n${text}`);
    assert.ok(
      text.split('\n').some((l) => l.startsWith(`[^${marker[1]}]:`) && l.includes(CLAIM_SOURCE)),
      'a definition naming the source',
    );
    await poll(
      'the unsourced-claim diagnostic to go away',
      () => vscode.languages.getDiagnostics(doc.uri).every((d) => code(d) !== 'unsourced-claim') || undefined,
    );
  });

  it('flags an altered quotation as a misquote and restores the wording', async () => {
    const doc = await open('e2e-misquote.md');
    await diagnosticWith(doc, 'unsourced-claim'); // analysed: the verbatim quotation is not a misquote
    assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((d) => code(d) === 'misquote'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    await editor.edit((b) => b.insert(positionOf(doc, 'mistake at this time'), 'big '));
    const diagnostic = await diagnosticWith(doc, 'misquote');
    assert.match(diagnostic.message, /Fidan/);
    await applyFix(doc, diagnostic, /Replace with the source/);
    assert.ok(doc.getText().includes(FIDAN_QUOTE) && !doc.getText().includes('big mistake'), doc.getText());
    await poll(
      'the misquote diagnostic to go away',
      () => vscode.languages.getDiagnostics(doc.uri).every((d) => code(d) !== 'misquote') || undefined,
    );
  });

  it('applies the project file (.sourced.json) where VS Code settings are unset; a VS Code setting overrides it', async () => {
    const doc = await open('report.md');
    const severities = (): vscode.DiagnosticSeverity[] => [
      ...new Set(
        vscode.languages
          .getDiagnostics(doc.uri)
          .filter((d) => code(d) === 'unsourced-claim')
          .map((d) => d.severity),
      ),
    ];
    const severityIs = (wanted: vscode.DiagnosticSeverity, what: string): Promise<true> =>
      poll(what, () => (severities().length === 1 && severities()[0] === wanted) || undefined);
    await severityIs(vscode.DiagnosticSeverity.Warning, 'the default severity (warning)');
    const projectFile = vscode.Uri.joinPath(folder(), '.sourced.json');
    const settings = vscode.workspace.getConfiguration('sourced');
    try {
      await vscode.workspace.fs.writeFile(projectFile, new TextEncoder().encode('{ "claims": { "severity": "information" } }\n'));
      await severityIs(vscode.DiagnosticSeverity.Information, 'the project file to set the severity (information)');
      await settings.update('claims.severity', 'error', vscode.ConfigurationTarget.Workspace);
      await severityIs(vscode.DiagnosticSeverity.Error, 'the workspace setting to override it (error)');
    } finally {
      await settings.update('claims.severity', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(projectFile);
    }
    await severityIs(vscode.DiagnosticSeverity.Warning, 'the default again');
  });
});
