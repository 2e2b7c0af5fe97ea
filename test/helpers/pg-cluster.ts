/**
 * A throwaway PostgreSQL cluster for tests and the benchmark: initdb in a temp dir (as the `postgres` user when
 * we run as root, since PostgreSQL refuses to run as root), listening on 127.0.0.1 at a free port with its unix
 * socket in the temp dir, password auth over TCP. `stop()` shuts it down and deletes the directory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface PgCluster {
  port: number;
  /** The data directory (postmaster.pid holds the server's process id). */
  dataDir: string;
  /** The superuser's connection URL (user `postgres`, password `SUPERUSER_PASSWORD`), database `sourced`. */
  url: string;
  /** A URL for another role of this cluster, database `sourced`. */
  urlFor(user: string, password: string): string;
  /** Runs SQL as the superuser through psql over the unix socket; returns stdout. */
  psql(sql: string, database?: string): string;
  /** Shuts the server down (data kept), as an outage would. */
  pause(): void;
  /** Starts it again on the same port. */
  resume(): void;
  stop(): void;
}

export const SUPERUSER_PASSWORD = 'test-superuser-secret';

/** Where the PostgreSQL server binaries are: $SOURCED_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function pgBinDir(): string | null {
  const fromEnv = process.env.SOURCED_PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

/** Why a cluster cannot be started here, or null when it can (tests skip with this reason). */
export function pgUnavailable(): string | null {
  return pgBinDir() ? null : 'PostgreSQL server binaries not found (install Debian package postgresql)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function runAs(asPostgres: boolean, bin: string, args: string[]): void {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export interface ClusterOptions {
  /** Durable settings (fsync on) for honest benchmark figures; tests turn fsync off. */
  durable?: boolean;
  /** Extra postgresql.conf lines. */
  settings?: string[];
}

/** Starts a fresh cluster with a database `sourced`; throws with the server's message when it cannot. */
export async function startCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  if (!bin) throw new Error(pgUnavailable() ?? 'no PostgreSQL');
  const ids = postgresIds();
  const dir = mkdtempSync(path.join(tmpdir(), 'sourced-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n');
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  chmodSync(dir, 0o700);
  const asPostgres = ids !== null;
  const superuser = asPostgres ? 'postgres' : 'postgres';
  let started = false;
  const stop = (): void => {
    if (started) {
      try {
        runAs(asPostgres, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // Already down: the directory still goes.
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    runAs(asPostgres, path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      superuser,
      '--pwfile',
      pwfile,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const port = await freePort();
    const conf = [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      'max_connections = 50',
      'shared_buffers = 128MB',
      ...(options.durable ? [] : ['fsync = off', 'synchronous_commit = off', 'full_page_writes = off']),
      ...(options.settings ?? []),
    ];
    appendFileSync(path.join(data, 'postgresql.conf'), '\n' + conf.join('\n') + '\n');
    runAs(asPostgres, path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    started = true;
    const psql = (sql: string, database = 'sourced'): string => {
      const args = ['-h', dir, '-p', String(port), '-U', superuser, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql];
      const [cmd, argv] = asPostgres
        ? ['runuser', ['-u', 'postgres', '--', path.join(bin, 'psql'), ...args]]
        : [path.join(bin, 'psql'), args];
      const r = spawnSync(cmd, argv, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return r.stdout;
    };
    psql('CREATE DATABASE sourced', 'postgres');
    const urlFor = (user: string, password: string): string =>
      `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/sourced`;
    const pause = (): void => {
      runAs(asPostgres, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      started = false;
    };
    const resume = (): void => {
      runAs(asPostgres, path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      started = true;
    };
    return { port, dataDir: data, url: urlFor(superuser, SUPERUSER_PASSWORD), urlFor, psql, pause, resume, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
