import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** `Sourced: Show Actor…`. (Filled in by the actors feature.) */
export async function showActor(_client: LanguageClient): Promise<void> {
  void vscode.window.showInformationMessage('Sourced: actor cards are not available yet.');
}
