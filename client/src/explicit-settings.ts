import * as vscode from 'vscode';

/**
 * The `sourced` settings the user actually set (user, workspace or folder), as a nested object. VS Code's
 * `getConfiguration` fills in every default, which would always override the project file (.sourced.json); the
 * server fills defaults itself. In an untrusted workspace, restricted settings are taken from user settings only.
 */
export function explicitSettings(
  scope: vscode.Uri | undefined,
  keys: readonly string[],
  restricted: readonly string[],
): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('sourced', scope);
  const trusted = vscode.workspace.isTrusted;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const i = config.inspect(key);
    if (!i) continue;
    const fromWorkspace = trusted || !restricted.includes(`sourced.${key}`);
    const value = (fromWorkspace ? (i.workspaceFolderValue ?? i.workspaceValue) : undefined) ?? i.globalValue;
    if (value === undefined) continue;
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1] ?? key] = value;
  }
  return out;
}

/** The setting keys (below `sourced.`) and the restricted ones, from the extension's manifest. */
export function settingKeys(manifest: unknown): { keys: string[]; restricted: string[] } {
  const m = manifest as {
    contributes?: { configuration?: { properties?: Record<string, unknown> } };
    capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
  };
  const keys = Object.keys(m.contributes?.configuration?.properties ?? {})
    .filter((k) => k.startsWith('sourced.') && k !== 'sourced.trace.server')
    .map((k) => k.slice('sourced.'.length));
  return { keys, restricted: m.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [] };
}
