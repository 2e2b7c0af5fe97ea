// Shared by `npm start` and the end-to-end tests: a workspace made from examples/ + seeds/, a user-data folder
// with quiet settings, the packaged extension installed, and a code-server process serving it.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** User settings that keep the editor quiet: no welcome page, trust prompt, tips, telemetry or update checks. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  // Only Sourced's suggestions in the list: no words picked from the document.
  'editor.wordBasedSuggestions': 'off',
};

/** Copies examples/ and seeds/ into `dir` (emptied first) and writes its .vscode/settings.json. */
export function prepareWorkspace(dir, { files = {}, settings = {} } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(root, 'examples'), dir, { recursive: true });
  fs.cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  const workspaceSettings = { 'sourced.corpus.include': ['seeds/**/*.txt', 'seeds/**/*.md'], ...settings };
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings, null, 2) + '\n');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Writes the user settings into `<dataDir>/user-data/User/settings.json`; returns the code-server folders. */
export function prepareDataDirs(dataDir, { fresh = false } = {}) {
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const dirs = {
    userDataDir: path.join(dataDir, 'user-data'),
    extensionsDir: path.join(dataDir, 'extensions'),
    configFile: path.join(dataDir, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
  // An explicit config file keeps code-server from writing ~/.config/code-server/config.yaml.
  fs.writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

function baseArgs(dirs) {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Installs a .vsix into the given code-server folders (replacing an installed copy of the same version). */
export function installExtension(codeServerBin, vsix, dirs) {
  const result = spawnSync(process.execPath, [codeServerBin, ...baseArgs(dirs), '--force', '--install-extension', vsix], {
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/successfully installed|already installed/i.test(output)) {
    throw new Error(`code-server --install-extension failed (exit ${result.status}):\n${output}`);
  }
  return output.trim();
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when something already listens on the port. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts code-server on 127.0.0.1:port serving `workspace`; resolves once /healthz answers.
 * With `logFile`, its output goes there (so that it can outlive this process); otherwise to `log`, line by line.
 */
export async function startCodeServer(codeServerBin, { port, workspace, dirs, log, logFile, timeoutMs = 60_000, outliveParent = false }) {
  const args = [
    codeServerBin,
    ...baseArgs(dirs),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ];
  const lines = [];
  const out = logFile ? fs.openSync(logFile, 'w') : 'pipe';
  // Its own process group, so that stopping it also stops the extension host and the language servers.
  const child = spawn(process.execPath, args, { stdio: ['ignore', out, out], detached: true });
  if (logFile) {
    fs.closeSync(out);
  } else {
    const collect = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(line);
        if (lines.length > 200) lines.shift();
        log?.(line);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  }
  if (!outliveParent) {
    // However this process ends (an error, Ctrl+C, a closed pipe), the detached server must not be left behind.
    process.once('exit', () => killGroup(child, 'SIGKILL'));
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(130));
    }
  }
  const output = () => (logFile ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-60) : lines).join('\n');
  let exited = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { child, url, output, stop: () => stopProcess(child) };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stopProcess(child);
  throw new Error(`code-server did not answer on ${url}/healthz within ${timeoutMs / 1000} s:\n${output()}`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** Stops a detached child and its process group: SIGTERM, then SIGKILL for whatever lingers. */
export async function stopProcess(child) {
  const signalGroup = (signal) => killGroup(child, signal);
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      signalGroup('SIGTERM');
    });
  }
  // Extension-host children can outlive code-server itself; the group signal reaches them too.
  signalGroup('SIGKILL');
}

/** Debian's Chromium (or CHROMIUM_PATH), the browser that drives code-server in the tests. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches Chromium headless with the flags a CI container needs (no sandbox, no GPU, no background traffic). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
