import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

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
