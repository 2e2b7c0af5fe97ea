import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** `Sourced: Insert Quote…`. (Filled in by the quotes feature.) */
export async function insertQuote(_client: LanguageClient): Promise<void> {
  void vscode.window.showInformationMessage('Sourced: quote search is not available yet.');
}
