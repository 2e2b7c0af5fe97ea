import { CancellationTokenSource, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SourcedService } from '../service';
import type { Logger } from '../domain/logger';
import { outgoing } from './outgoing';

/** Typing pauses shorter than this do not start a diagnosis. */
const DIAGNOSTIC_DELAY_MS = 150;

/** What a published diagnosis goes on to do (the Pandoc bibliography), given the draft it was for. */
export type AfterPublish = (doc: TextDocument) => Promise<unknown>;

/**
 * Debounced diagnostics per draft: an edit cancels the diagnosis of the previous version (its token) and starts
 * a new one after a pause; results of a stale version are never published.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, { timer: ReturnType<typeof setTimeout>; source: CancellationTokenSource }>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: () => SourcedService,
    private readonly afterPublish: AfterPublish,
    private readonly logger: Logger,
  ) {}

  /** Diagnoses a draft after `delay` ms, cancelling any diagnosis of it still pending or running. */
  schedule(doc: TextDocument, delay = DIAGNOSTIC_DELAY_MS): void {
    this.cancel(doc.uri);
    const service = this.service();
    if (service.isSource(doc.uri) || doc.languageId !== 'markdown') return;
    const source = new CancellationTokenSource();
    const publish = async (): Promise<void> => {
      const diagnostics = await service.diagnostics(doc, source.token);
      if (source.token.isCancellationRequested || this.documents.get(doc.uri)?.version !== doc.version) return;
      this.pending.delete(doc.uri);
      await this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: outgoing(diagnostics) });
      await this.afterPublish(doc);
    };
    // The service never throws; a failed send (closed connection) is logged, never left unhandled.
    const timer = setTimeout(
      () => void publish().catch((err: unknown) => this.logger.error(`diagnostics for ${doc.uri}: ${String(err)}`)),
      delay,
    );
    this.pending.set(doc.uri, { timer, source });
  }

  /** Re-diagnoses every open draft (after the index or the settings changed). */
  scheduleAll(delay = DIAGNOSTIC_DELAY_MS): void {
    for (const doc of this.documents.all()) this.schedule(doc, delay);
  }

  /** Stops the pending or running diagnosis of a document. */
  cancel(uri: string): void {
    const previous = this.pending.get(uri);
    if (!previous) return;
    clearTimeout(previous.timer);
    previous.source.cancel();
    this.pending.delete(uri);
  }
}
