import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands/register-commands';
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
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
    ],
    outputChannel: output,
    initializationOptions: { storagePath: context.globalStorageUri.fsPath },
    markdown: { isTrusted: false, supportHtml: false },
  };
  client = new LanguageClient('sourced', 'Sourced', serverOptions, clientOptions);
  const status = new StatusItem(client);
  context.subscriptions.push(output, status, ...registerCommands(client, output));
  await client.start();
  status.listen();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
