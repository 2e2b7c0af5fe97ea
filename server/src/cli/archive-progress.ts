/** A one-line progress bar on a terminal (stderr); nothing when stderr is not a TTY (logs, CI, pipes). */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
  }

  /** Redraws at most ten times a second. */
  update(done: number, note = ''): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && done < this.total) return;
    this.last = now;
    const width = 30;
    const share = this.total ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(share * width);
    const rate = done / Math.max(0.001, (now - this.started) / 1000);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} sources · ${rate.toFixed(0)}/s${note ? ' · ' + note : ''}`;
    this.out.write(`\r${line.slice(0, (this.out.columns || 100) - 1)}\u001b[K`);
  }

  /** Clears the bar so the summary starts on a clean line. */
  done(): void {
    if (this.tty) this.out.write('\r\u001b[K');
  }
}
