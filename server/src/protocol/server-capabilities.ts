import { CodeActionKind, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { FIX_ALL_KIND } from '../features/code-actions';
import { ServerCommands } from './requests';

/** What the server offers every client, answered to `initialize`. */
export function serverCapabilities(): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', '\u201c', '@'], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: [ServerCommands.citeAll, ServerCommands.reindex] },
    },
    serverInfo: { name: 'sourced', version: '0.1.0' },
  };
}
