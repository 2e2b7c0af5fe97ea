import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { insertQuote } from './insert-quote';
import { showActor } from './show-actor';
import { createProjectFile, newDraft } from './project-commands';
import type { SourcesView } from '../sources-view';
import { ServerCommands } from '../../../server/src/protocol/requests';

/** Registers every `Sourced: …` command. */
export function registerCommands(client: LanguageClient, output: vscode.OutputChannel, sources: SourcesView): vscode.Disposable[] {
  // `sourced.reindex` is not registered here: the server advertises it (executeCommandProvider), the language
  // client registers it from that, and a second registration makes the client fail to start in VS Code.
  return [
    vscode.commands.registerCommand('sourced.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('sourced.restartServer', () => client.restart()),
    vscode.commands.registerCommand('sourced.citeAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'markdown') {
        void vscode.window.showInformationMessage('Sourced: open a Markdown draft to cite its claims.');
        return;
      }
      const result = await client.sendRequest<{ cited: number } | undefined>('workspace/executeCommand', {
        command: ServerCommands.citeAll,
        arguments: [editor.document.uri.toString()],
      });
      void vscode.window.showInformationMessage(`Sourced: cited ${result?.cited ?? 0} claim${result?.cited === 1 ? '' : 's'}.`);
    }),
    vscode.commands.registerCommand('sourced.insertQuote', () => insertQuote(client)),
    vscode.commands.registerCommand('sourced.showActor', () => showActor(client)),
    vscode.commands.registerCommand('sourced.refreshSources', () => sources.refresh()),
    vscode.commands.registerCommand('sourced.createProjectFile', createProjectFile),
    vscode.commands.registerCommand('sourced.newDraft', newDraft),
  ];
}
