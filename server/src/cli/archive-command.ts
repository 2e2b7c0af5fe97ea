/** `sourced archive <ingest|status|grant>`: the team archive on PostgreSQL, from the command line. */
import { availableParallelism } from 'node:os';
import { openPgDatabase } from '../node/pg-database';
import { checkWriteAccess } from '../store/postgres/archive-access';
import { grantReader } from '../store/postgres/archive-grant';
import { archiveStatus, type ArchiveStatus } from '../store/postgres/archive-status';
import { migrate } from '../store/postgres/migrate';
import { redactMessage, redactUrl, urlPassword } from '../store/postgres/redact';
import { isConnectionError, READ_ONLY_STATES, sqlState, type SqlDatabase } from '../store/postgres/sql';
import { ARCHIVE_USAGE, parseArchiveArgs, type ArchiveArgs } from './archive-args';
import { UsageError } from './usage-error';
import { ingestFiles } from './archive-files';
import { ingest } from './archive-ingest';
import { runShards } from './archive-jobs';

type Out = { stdout: (s: string) => void; stderr: (s: string) => void };

const STDIO: Out = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

function statusText(s: ArchiveStatus): string {
  return (
    [
      `schema version ${s.schemaVersion}`,
      `sources   ${s.sources}`,
      `passages  ${s.passages}`,
      `quotes    ${s.quotes}`,
      `actors    ${s.actors}`,
      `mentions  ${s.mentions}`,
    ].join('\n') + '\n'
  );
}

async function runIngest(db: SqlDatabase, args: ArchiveArgs, out: Out): Promise<number> {
  const access = await checkWriteAccess(db);
  if (!access.ok) {
    out.stderr(`sourced: cannot ingest: ${access.reason}; nothing was changed. Ingest with a role that may write (see docs/archive.md).\n`);
    return 2;
  }
  const all = await ingestFiles(args.patterns, process.cwd(), args.base);
  const shard = args.shard;
  const files = shard ? all.filter((_, i) => i % shard.count === shard.index) : all;
  if (files.length === 0) {
    out.stderr(`sourced: no files match ${args.patterns.join(' ')}\n`);
    return 2;
  }
  const applied = await migrate(db);
  if (applied.length && !args.quiet) out.stderr(`sourced: archive schema migrated to version ${applied[applied.length - 1]}\n`);
  if (shard) {
    // A child of --jobs: progress over IPC, the summary as JSON for the parent. A parent that is killed closes
    // the channel: the child stops too (its open batch is rolled back by the server), as one killed ingest would.
    process.on('disconnect', () => process.exit(3));
    if (process.send && !process.connected) return 3;
    const send = (done: number, inserted: number): void => void process.send?.({ done, inserted });
    const summary = await ingest(db, files, args.batch, true, send);
    out.stdout(JSON.stringify(summary) + '\n');
    return summary.skipped.length ? 1 : 0;
  }
  const jobs = args.jobs || defaultJobs(files.length);
  const summary = jobs > 1 ? await runShards(jobs, files.length, args.quiet) : await ingest(db, files, args.batch, args.quiet);
  const status = await archiveStatus(db);
  for (const s of summary.skipped) out.stderr(`sourced: skipped ${s.path}: ${s.reason}\n`);
  const rate = summary.inserted / Math.max(0.001, summary.seconds);
  out.stderr(
    `sourced: ${summary.files} files: ${summary.inserted} new sources, ${summary.present} already in the archive, ${summary.skipped.length} skipped ` +
      `in ${summary.seconds.toFixed(1)} s (${rate.toFixed(0)} new sources/s); the archive holds ${status.sources} sources, ${status.quotes} quotes, ${status.actors} actors\n`,
  );
  return summary.skipped.length ? 1 : 0;
}

/** Below this many files one process is quicker than starting others. */
const PARALLEL_FROM_FILES = 1000;
const MAX_DEFAULT_JOBS = 4;

/** Without --jobs: one ingest process per core (extraction is CPU-bound), for an ingest large enough to pay for it. */
function defaultJobs(files: number): number {
  return files < PARALLEL_FROM_FILES ? 1 : Math.max(1, Math.min(MAX_DEFAULT_JOBS, availableParallelism()));
}

/** Runs `sourced archive …` (argv without `archive`); returns the exit status. Never prints a password. */
export async function archiveCommand(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
  out: Out = STDIO,
): Promise<number> {
  let args: ArchiveArgs;
  try {
    args = parseArchiveArgs(argv, env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) out.stderr(`sourced: ${err.message}\n\n`);
    out.stderr(ARCHIVE_USAGE + '\n');
    return err.message ? 2 : 0;
  }
  const secrets = [urlPassword(args.url), env.PGPASSWORD].filter((s): s is string => Boolean(s));
  const db = openPgDatabase(args.url, { max: 2, applicationName: `sourced archive ${args.command}` });
  try {
    if (args.command === 'status') {
      const s = await archiveStatus(db);
      out.stdout(args.json ? JSON.stringify(s) + '\n' : statusText(s));
      return 0;
    }
    if (args.command === 'grant') {
      await grantReader(db, args.reader ?? '');
      out.stderr(`sourced: role "${args.reader}" may now read the archive at ${redactUrl(args.url)}\n`);
      return 0;
    }
    return await runIngest(db, args, out);
  } catch (err) {
    const message = redactMessage(err instanceof Error ? err.message : String(err), secrets);
    const state = sqlState(err);
    if (state && READ_ONLY_STATES.has(state))
      out.stderr(`sourced: cannot ${args.command}: no write access (${message}); nothing was changed.\n`);
    else if (isConnectionError(err) || state === '28P01' || state === '3D000')
      out.stderr(`sourced: cannot reach the archive at ${redactUrl(args.url)}: ${message}\n`);
    else out.stderr(`sourced: archive ${args.command} failed: ${message}\n`);
    return 2;
  } finally {
    await db.close().catch(() => undefined);
  }
}
