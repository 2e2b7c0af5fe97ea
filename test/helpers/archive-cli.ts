/** Runs `sourced archive …` as a separate process, as a user would (from source through tsx: no build needed). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot as REPO } from './paths';

const ENTRY = path.join(REPO, 'server', 'src', 'cli', 'archive-main.ts');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function argv(args: readonly string[]): string[] {
  return ['--import', 'tsx', ENTRY, ...args];
}

/** Runs the command to completion. */
export function archiveCli(args: readonly string[], env: Record<string, string> = {}, cwd = REPO): CliResult {
  const r = spawnSync(process.execPath, argv(args), {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the command and returns the child plus a promise of its result. */
export function archiveCliAsync(args: readonly string[], cwd = REPO): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, argv(args), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
  return { child, done };
}
