import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatusChangedNotification, StatusRequest, type StatusReport } from '../../server/src/protocol/requests';

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** The language status item for Markdown: what is indexed, and whether indexing is still running. */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('sourced.status', { language: 'markdown' });

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Sourced';
    this.item.text = 'Sourced: indexing\u2026';
    this.item.busy = true;
    this.item.command = { title: 'Show Output', command: 'sourced.showOutput' };
  }

  /** Subscribes to the server's status notifications and asks once for the current status; `also` sees each one. */
  listen(also: (s: StatusReport) => void = () => undefined): void {
    const show = (s: StatusReport): void => {
      this.show(s);
      also(s);
    };
    this.client.onNotification(StatusChangedNotification, show);
    this.client.sendRequest(StatusRequest).then(show, () => undefined);
  }

  private show(s: StatusReport): void {
    this.item.busy = !s.ready;
    this.item.text = s.ready
      ? `Sourced: ${plural(s.sources, 'source')} \u00b7 ${plural(s.quotes, 'quote')} \u00b7 ${plural(s.actors, 'actor')}`
      : 'Sourced: indexing\u2026';
    const first = s.skippedFiles?.[0];
    const why = first
      ? `: ${decodeURIComponent(first.uri.slice(first.uri.lastIndexOf('/') + 1))} \u2014 ${first.reason}${s.skipped > 1 ? ', \u2026' : ''}`
      : '';
    this.item.detail = s.skipped ? `${plural(s.skipped, 'file')} skipped${why} (see output)` : undefined;
    this.item.severity = s.ready && s.sources === 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    if (s.ready && s.sources === 0) this.item.detail = 'No sources matched sourced.corpus.include';
    if (s.indexWarning) {
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.detail = s.indexWarning;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
