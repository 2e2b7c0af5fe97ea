/** Where the service reports what it skipped or failed on; the server sends it to the LSP output channel. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything (tests that do not inspect logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A logger that keeps lines in memory, for tests that check what was logged. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(m: string): void {
    this.lines.push(`[info] ${m}`);
  }
  warn(m: string): void {
    this.lines.push(`[warn] ${m}`);
  }
  error(m: string): void {
    this.lines.push(`[error] ${m}`);
  }
}
