import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands/register-commands';
import { CrashPolicy } from './crash-policy';
import { explicitSettings, settingKeys } from './explicit-settings';
import { SourcesView } from './sources-view';
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
    // In Restricted Mode the server writes no file (manifest: untrustedWorkspaces limited); granting trust restarts it.
    initializationOptions: { storagePath: context.globalStorageUri.fsPath, trusted: vscode.workspace.isTrusted },
    markdown: { isTrusted: false, supportHtml: false },
    errorHandler,
    middleware: { workspace: { configuration: onlyExplicitSettings(settingKeys(context.extension.packageJSON)) } },
  };
  client = new LanguageClient('sourced', 'Sourced', serverOptions, clientOptions);
  const status = new StatusItem(client);
  const sources = new SourcesView(client);
  context.subscriptions.push(output, status, sources, ...registerCommands(client, output, sources));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => client?.restart()));
  await client.start();
  status.listen((s) => {
    void vscode.commands.executeCommand('setContext', 'sourced.hasSources', s.ready && s.sources > 0);
    sources.refresh();
  });
}

type ConfigurationMiddleware = NonNullable<NonNullable<LanguageClientOptions['middleware']>['workspace']>['configuration'];

/**
 * Answers the server's `sourced` configuration requests with what the user set, not VS Code's defaults, so that the
 * project file (.sourced.json) applies wherever VS Code settings leave a value unset.
 */
function onlyExplicitSettings(known: { keys: string[]; restricted: string[] }): ConfigurationMiddleware {
  return async (params, token, next) => {
    const result: unknown = await next(params, token);
    if (!Array.isArray(result)) return result as Awaited<ReturnType<typeof next>>;
    const values: unknown[] = result;
    return params.items.map((item, i): unknown =>
      item.section === 'sourced'
        ? explicitSettings(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined, known.keys, known.restricted)
        : values[i],
    );
  };
}

/** Tells the writer the server keeps crashing, with the output and a manual restart one click away. */
async function announceCrash(kind: 'warning' | 'error', message: string, output: vscode.OutputChannel, reset: () => void): Promise<void> {
  const choice =
    kind === 'error'
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
