/** Command-line arguments of `sourced archive <ingest|status|grant>`. */
import { optionValue, UsageError } from './usage-error';

export const ARCHIVE_USAGE = `Usage:
  sourced archive ingest --url URL <file|folder|glob…> [--base DIR] [--batch N] [--jobs N] [--quiet]
  sourced archive status --url URL [--json]
  sourced archive grant  --url URL --reader ROLE

The team archive is a PostgreSQL database (URL: postgresql://user[:password]@host:port/db; the password may
instead come from PGPASSWORD or ~/.pgpass; SOURCED_ARCHIVE_URL is used when --url is not given).
  ingest  reads the sources with the editor's readers and extraction and writes those the archive lacks
          (by content hash); safe to run several at once and to re-run after an interruption. Paths are stored
          relative to --base (default: the current folder, or the matched files' common folder outside it).
          --jobs N runs N ingest processes on shares of the files (default: one per core,
                   up to 4, when there are 1,000 files or more; else 1).
  status  prints the archive's counts (--json: one JSON object).
  grant   gives an existing role read-only access (SELECT) to the archive.
Exit status: 0 done, 1 some files could not be read, 2 bad usage, no connection or no write access.`;

export interface ArchiveArgs {
  command: 'ingest' | 'status' | 'grant';
  url: string;
  patterns: string[];
  base?: string;
  batch: number;
  /** Ingest processes; 0 = chosen from the number of files and cores. */
  jobs: number;
  /** Internal: this process ingests share `index` of `count` (set by --jobs in the parent). */
  shard?: { index: number; count: number };
  json: boolean;
  quiet: boolean;
  reader?: string;
}

/** Parses `archive …` arguments (without the leading `archive`); throws UsageError. */
export function parseArchiveArgs(argv: readonly string[], env: Record<string, string | undefined>): ArchiveArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') throw new UsageError('');
  if (command !== 'ingest' && command !== 'status' && command !== 'grant') throw new UsageError(`unknown archive command "${command}"`);
  const args: ArchiveArgs = { command, url: env.SOURCED_ARCHIVE_URL ?? '', patterns: [], batch: 200, jobs: 0, json: false, quiet: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => optionValue(rest, i++);
    if (a === '--url') args.url = value();
    else if (a === '--base') args.base = value();
    else if (a === '--batch') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 5000) throw new UsageError('--batch must be a whole number from 1 to 5000');
      args.batch = n;
    } else if (a === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError('--jobs must be a whole number from 1 to 64');
      args.jobs = n;
    } else if (a === '--shard') {
      const m = /^(\d+)\/(\d+)$/.exec(value());
      if (!m || Number(m[1]) >= Number(m[2])) throw new UsageError('--shard must be i/n with i < n');
      args.shard = { index: Number(m[1]), count: Number(m[2]) };
    } else if (a === '--reader') args.reader = value();
    else if (a === '--json') args.json = true;
    else if (a === '--quiet') args.quiet = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.patterns.push(a);
  }
  if (!args.url) throw new UsageError('no archive given: --url URL (or SOURCED_ARCHIVE_URL)');
  if (!/^postgres(ql)?:\/\//.test(args.url)) throw new UsageError('--url must be a postgresql:// URL');
  if (command === 'ingest' && args.patterns.length === 0) throw new UsageError('ingest needs files, folders or globs');
  if (command === 'grant' && !args.reader) throw new UsageError('grant needs --reader ROLE');
  return args;
}
