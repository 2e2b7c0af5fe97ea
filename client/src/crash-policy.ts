/**
 * When the server connection closes unexpectedly: restart it, tell the writer when it keeps crashing, and stop
 * restarting after too many crashes in a short time (a crash loop would otherwise spin forever). Pure, so it is
 * tested without VS Code; client/src/extension.ts turns the decision into the client's close action and a notification.
 */

export interface CrashDecision {
  /** Restart the server. */
  restart: boolean;
  /** Which notification to show, if any. */
  notify: 'none' | 'warning' | 'error';
  /** The notification text. */
  message: string;
  /** Crashes within the window, this one included. */
  recent: number;
}

export interface CrashPolicyOptions {
  /** Restarts allowed within the window; the next crash stops the server. */
  maxRestarts?: number;
  windowMs?: number;
  /** From this many crashes within the window on, each restart is announced. */
  warnFrom?: number;
  now?: () => number;
}

/** Counts crashes in a sliding window and decides what the client does after each. */
export class CrashPolicy {
  private crashes: number[] = [];
  private readonly maxRestarts: number;
  private readonly windowMs: number;
  private readonly warnFrom: number;
  private readonly now: () => number;

  constructor(options: CrashPolicyOptions = {}) {
    this.maxRestarts = options.maxRestarts ?? 4;
    this.windowMs = options.windowMs ?? 3 * 60_000;
    this.warnFrom = options.warnFrom ?? 2;
    this.now = options.now ?? Date.now;
  }

  /** Records a crash (the connection closed without a stop) and decides. */
  onClosed(): CrashDecision {
    const t = this.now();
    this.crashes = this.crashes.filter((c) => t - c < this.windowMs);
    this.crashes.push(t);
    const recent = this.crashes.length;
    const minutes = Math.round(this.windowMs / 60_000);
    if (recent > this.maxRestarts) {
      return {
        restart: false,
        notify: 'error',
        recent,
        message: `Sourced: the language server crashed ${recent} times in ${minutes} minutes and was not restarted. See the Sourced output for details; use "Sourced: Restart Server" to try again.`,
      };
    }
    if (recent >= this.warnFrom) {
      return {
        restart: true,
        notify: 'warning',
        recent,
        message: `Sourced: the language server crashed ${recent} times in ${minutes} minutes; restarting it.`,
      };
    }
    return { restart: true, notify: 'none', recent, message: 'Sourced: the language server stopped unexpectedly; restarting it.' };
  }

  /** Forgets past crashes (after a restart the writer asked for). */
  reset(): void {
    this.crashes = [];
  }
}
