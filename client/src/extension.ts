import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands/register-commands';
import { CrashPolicy } from './crash-policy';
import { StatusItem } from './status-item';

let client: LanguageClient | undefined;

/** Starts the Sourced language server for Markdown drafts and text sources. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Sourced', { log: true });
  const crashes = new CrashPolicy();
  const errorHandler: ErrorHandler = {
    // A failed read or write is retried a few times before the connection is given up.
    error: (_error, _message, count) => ({ action: (count ?? 1) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = crashes.onClosed();
      output.appendLine(decision.message);
      if (decision.notify !== 'none') void announceCrash(decision.notify, decision.message, output, () => crashes.reset());
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
    ],
    outputChannel: output,
    // An untrusted workspace gets the read-only features: the server writes no file there (see package.json).
    initializationOptions: { storagePath: context.globalStorageUri.fsPath, trusted: vscode.workspace.isTrusted },
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler,
  };
  client = new LanguageClient('sourced', 'Sourced', serverOptions, clientOptions);
  const status = new StatusItem(client);
  context.subscriptions.push(output, status, ...registerCommands(client, output));
  await client.start();
  status.listen();
  // Trust granted: restart so the server starts with its file-writing features on.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
}

/** Tells the writer the server keeps crashing, with the output and a manual restart one click away. */
async function announceCrash(kind: 'warning' | 'error', message: string, output: vscode.OutputChannel, reset: () => void): Promise<void> {
  const choice = kind === 'error'
    ? await vscode.window.showErrorMessage(message, 'Show Output', 'Restart Server')
    : await vscode.window.showWarningMessage(message, 'Show Output');
  if (choice === 'Show Output') output.show(true);
  if (choice === 'Restart Server') {
    reset();
    await vscode.commands.executeCommand('sourced.restartServer');
  }
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
