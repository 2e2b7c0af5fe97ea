import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { QuoteInsertEditsRequest, SearchQuotesRequest, type QuoteSearchResult } from '../../../server/src/protocol/requests';
import { quickPickText } from '../quick-pick-text';

interface QuoteItem extends vscode.QuickPickItem {
  id: number;
}

const SEARCH_DELAY_MS = 120;
const LIMIT = 50;

function toItem(r: QuoteSearchResult): QuoteItem {
  const text = quickPickText(r.text);
  return {
    id: r.id,
    label: text.length > 110 ? `${text.slice(0, 109)}\u2026` : text,
    description: r.speaker ? quickPickText(r.speaker) : 'Unattributed',
    detail: `${quickPickText(r.title)}${r.date ? ` (${quickPickText(r.date)})` : ''} \u00b7 ${quickPickText(r.key)}`,
    // The server already matched fuzzily: keep every answer visible.
    alwaysShow: true,
  };
}

/** `Sourced: Insert Quote…`: a quick pick that searches the sources' quotations as the user types and inserts the chosen one with its citation. */
export async function insertQuote(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Sourced: open a Markdown draft to insert a quote.');
    return;
  }
  const pick = vscode.window.createQuickPick<QuoteItem>();
  pick.placeholder = 'Type words of the quotation or the speaker\u2019s name';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: vscode.CancellationTokenSource | undefined;
  const search = (query: string): void => {
    pending?.cancel();
    const source = (pending = new vscode.CancellationTokenSource());
    pick.busy = true;
    client.sendRequest(SearchQuotesRequest, { query, limit: LIMIT }, source.token).then(
      (results) => {
        if (source.token.isCancellationRequested) return;
        pick.items = results.map(toItem);
        pick.busy = false;
      },
      () => {
        if (!source.token.isCancellationRequested) pick.busy = false;
      },
    );
  };
  pick.onDidChangeValue((value) => {
    if (timer) clearTimeout(timer);
    if (!value.trim()) {
      pick.items = [];
      return;
    }
    timer = setTimeout(() => search(value), SEARCH_DELAY_MS);
  });
  const chosen = await new Promise<QuoteItem | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  if (timer) clearTimeout(timer);
  pending?.cancel();
  pick.dispose();
  if (!chosen) return;
  const doc = editor.document;
  const edits = await client.sendRequest(QuoteInsertEditsRequest, {
    uri: doc.uri.toString(),
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    id: chosen.id,
  });
  if (!edits.length) {
    void vscode.window.showWarningMessage('Sourced: that quotation is no longer in the index; search again.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, await client.protocol2CodeConverter.asTextEdits(edits));
  await vscode.workspace.applyEdit(edit);
}
