/** Entry for `sourced archive …` on its own (tests and scripts run it with tsx); the `sourced` CLI dispatches here too. */
import { archiveCommand } from './archive-command';

archiveCommand(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`sourced: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);
