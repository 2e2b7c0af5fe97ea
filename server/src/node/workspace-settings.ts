/**
 * The settings files of a folder, read in one place for the server and the CLI: the project file `.sourced.json`
 * (every editor and the CLI) and the `sourced.*` entries of `.vscode/settings.json` (the CLI only; VS Code sends
 * them itself). How they combine is domain/config.ts's `mergeSettings`.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PROJECT_FILE } from './project-root';

/** A project file that was found: its settings, or why they could not be read. */
export interface ProjectFile {
  path: string;
  settings: Record<string, unknown>;
  /** Set when the file exists but is not a JSON object; `settings` is then empty. */
  error?: string;
}

/** Strips // and /* *\/ comments and trailing commas, as VS Code's settings files allow them. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2);
      if (i < 0) break;
      i++;
    } else out += c;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** The `sourced` settings of a folder's .vscode/settings.json as a nested object ({} when absent or invalid). */
export async function readWorkspaceSettings(folder: string): Promise<Record<string, unknown>> {
  let flat: Record<string, unknown>;
  try {
    flat = JSON.parse(stripJsonComments(await readFile(path.join(folder, '.vscode', 'settings.json'), 'utf8'))) as Record<string, unknown>;
  } catch {
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (!key.startsWith('sourced.')) continue;
    const parts = key.split('.').slice(1);
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  return out;
}

/** The folder's `.sourced.json` (comments and trailing commas allowed), or null when there is none. */
export async function readProjectFile(folder: string): Promise<ProjectFile | null> {
  const file = path.join(folder, PROJECT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const value = JSON.parse(stripJsonComments(text)) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { path: file, settings: {}, error: 'not a JSON object' };
    const { $schema: _schema, ...settings } = value as Record<string, unknown>;
    return { path: file, settings };
  } catch (err) {
    return { path: file, settings: {}, error: err instanceof Error ? err.message : String(err) };
  }
}
