import * as vscode from 'vscode';

/** What `Sourced: Create Project File` writes: the sources in `sources/`, footnote citations. */
const PROJECT_FILE_TEXT = `${JSON.stringify(
  { corpus: { include: ['sources/**/*.txt', 'sources/**/*.md'] }, citations: { style: 'footnote' } },
  null,
  2,
)}\n`;

const DRAFT_TEXT = '# Report\n\n';

function firstFolder(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) void vscode.window.showInformationMessage('Sourced: open a folder first (File \u203a Open Folder).');
  return folder;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Creates `file` with `text` unless it exists (Sourced never overwrites a file it did not create), then opens it. */
async function createAndOpen(file: vscode.Uri, text: string): Promise<void> {
  if (!(await exists(file))) await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(file);
}

/** `Sourced: Create Project File`: `.sourced.json` at the root of the first folder, and a `sources/` folder. */
export async function createProjectFile(): Promise<void> {
  const folder = firstFolder();
  if (!folder) return;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'sources'));
  await createAndOpen(vscode.Uri.joinPath(folder, '.sourced.json'), PROJECT_FILE_TEXT);
}

/** `Sourced: New Draft`: `report.md` in the first folder (opened as is when it exists). */
export async function newDraft(): Promise<void> {
  const folder = firstFolder();
  if (!folder) return;
  await createAndOpen(vscode.Uri.joinPath(folder, 'report.md'), DRAFT_TEXT);
}
