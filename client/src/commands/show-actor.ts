import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActorCardRequest, ListActorsRequest, type ActorListItem } from '../../../server/src/protocol/requests';
import { quickPickText as plain } from '../quick-pick-text';

interface ActorItem extends vscode.QuickPickItem {
  id: string;
}

const TYPE_ICON: Record<string, string> = {
  person: '$(person)',
  organisation: '$(organization)',
  country: '$(globe)',
  place: '$(location)',
};

function toItem(a: ActorListItem): ActorItem {
  return {
    id: a.id,
    label: `${TYPE_ICON[a.type] ?? ''} ${plain(a.name)}`.trim(),
    description: plain(a.type),
    detail: plain(a.description),
  };
}

/**
 * `Sourced: Show Actor…`: a quick pick of the actors in the sources (most mentioned first); the chosen
 * actor's card opens as a Markdown preview of an untitled document. The card is escaped by the server
 * and the preview runs no scripts.
 */
export async function showActor(client: LanguageClient): Promise<void> {
  const actors = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Sourced: loading actors' }, () =>
    client.sendRequest(ListActorsRequest, { query: '' }),
  );
  if (!actors.length) {
    void vscode.window.showInformationMessage('Sourced: no actors found in the sources yet.');
    return;
  }
  const picked = await vscode.window.showQuickPick(actors.map(toItem), {
    placeHolder: 'Type a name, surname or acronym',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const card = await client.sendRequest(ActorCardRequest, { id: picked.id });
  if (!card) {
    void vscode.window.showWarningMessage('Sourced: that actor is no longer in the index.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: card });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}
