/** The extension manifest: activation, repository, workspace trust, and the project-file schema matching the settings. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { REPO } from '../helpers/fixture';

interface Property {
  type?: string;
  enum?: string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: unknown;
  scope?: string;
  properties?: Record<string, Property>;
}
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  repository?: { url?: string };
  bugs?: { url?: string };
  homepage?: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, Property> }; jsonValidation: { fileMatch: string; url: string }[] };
};

test('manifest: activates on Markdown and on the project file or the default sources, never on any .md anywhere', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:markdown'));
  for (const event of manifest.activationEvents) {
    assert.ok(event === 'onLanguage:markdown' || event.startsWith('workspaceContains:'), `unexpected activation event ${event}`);
    assert.ok(!event.startsWith('workspaceContains:**'), `${event} activates on any workspace with such a file`);
  }
  assert.ok(manifest.activationEvents.includes('workspaceContains:.sourced.json'));
});

test('manifest: declares its repository, issue tracker and home page', () => {
  assert.match(manifest.repository?.url ?? '', /^https:\/\//);
  assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
  assert.match(manifest.homepage ?? '', /^https:\/\//);
});

test('manifest: untrusted workspaces are limited, with the file-writing settings restricted', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  for (const key of ['sourced.citations.bibliography', 'sourced.index.persist']) {
    assert.ok(trust.restrictedConfigurations?.includes(key), `${key} is restricted`);
  }
  for (const key of trust.restrictedConfigurations ?? [])
    assert.ok(key in manifest.contributes.configuration.properties, `${key} is a setting`);
});

test('manifest: .sourced.json is validated by a schema that ships, with every resource setting of the editor', () => {
  const [validation] = manifest.contributes.jsonValidation;
  assert.equal(validation?.fileMatch, '.sourced.json');
  const schemaPath = path.join(REPO, validation?.url ?? '');
  assert.ok(existsSync(schemaPath), `${validation?.url} exists`);
  assert.match(
    readFileSync(path.join(REPO, '.vscodeignore'), 'utf8'),
    new RegExp(`^!${validation?.url.replace(/^\.\//, '').replace(/\./g, '\\.')}$`, 'm'),
  );
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Property;
  const fromSchema = new Map<string, Property>();
  const walk = (node: Property, prefix: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (key === '$schema') continue;
      if (child.type === 'object') walk(child, `${prefix}${key}.`);
      else fromSchema.set(`${prefix}${key}`, child);
    }
  };
  walk(schema, 'sourced.');
  const settings = Object.entries(manifest.contributes.configuration.properties).filter(([key]) => key !== 'sourced.trace.server');
  assert.deepEqual([...fromSchema.keys()].sort(), settings.map(([key]) => key).sort(), 'the same settings in the schema and the manifest');
  for (const [key, setting] of settings) {
    const inSchema = fromSchema.get(key);
    for (const field of ['type', 'enum', 'default', 'minimum', 'maximum', 'items'] as const) {
      assert.deepEqual(inSchema?.[field], setting[field], `${key}: ${field}`);
    }
  }
});

test("manifest: the repository's own .sourced.json follows the schema's shape", () => {
  const project = JSON.parse(readFileSync(path.join(REPO, '.sourced.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(project.$schema, './schemas/sourced.schema.json');
});

test('manifest: the walkthrough pages exist and ship; the file-writing commands are off in untrusted workspaces', () => {
  const m = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    contributes: {
      walkthroughs: { steps: { media: { markdown?: string } }[] }[];
      commands: { command: string; enablement?: string }[];
    };
  };
  const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
  const pages = m.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown ?? ''));
  assert.ok(pages.length >= 4);
  for (const page of pages) {
    assert.ok(existsSync(path.join(REPO, page)), `${page} exists`);
    assert.ok(ignore.includes(`!${path.dirname(page)}/*.md`), `${page} ships`);
  }
  for (const id of ['sourced.createProjectFile', 'sourced.newDraft']) {
    assert.equal(m.contributes.commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', id);
  }
});

test('manifest: the SQLite driver (native, not bundled) is staged next to the bundles and ships in the VSIX', () => {
  const ignore = readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
  assert.match(ignore, /^!dist\/node_modules\/\*\*$/m, 'dist/node_modules/ ships');
  const build = readFileSync(path.join(REPO, 'esbuild.mjs'), 'utf8');
  assert.match(build, /external: \['better-sqlite3'\]/, 'the server keeps the driver external');
  for (const part of ["'better-sqlite3'", "'build/Release/better_sqlite3.node'", 'bindings', "'file-uri-to-path'"]) {
    assert.ok(build.includes(part), `esbuild.mjs stages ${part}`);
  }
});
