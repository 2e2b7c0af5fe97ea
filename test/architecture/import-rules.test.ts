/**
 * The import rules of docs/architecture.md, checked on every file: each layer of server/src imports only the layers
 * below it, features read the store through its interface, and only node/ and cli/ touch Node's built-ins.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

const SERVER = path.join(repoRoot, 'server', 'src');
const CLIENT = path.join(repoRoot, 'client', 'src');

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  text: [],
  domain: ['text'],
  mentions: ['text', 'domain'],
  store: ['text', 'domain', 'mentions'],
  ingest: ['text', 'domain', 'mentions', 'store'],
  features: ['text', 'domain', 'mentions', 'store'],
  service: ['text', 'domain', 'mentions', 'store', 'ingest', 'features'],
  protocol: ['text', 'domain', 'store', 'features', 'service'],
  node: ['text', 'domain', 'mentions', 'store', 'ingest', 'features', 'service', 'protocol'],
  cli: ['text', 'domain', 'mentions', 'store', 'ingest', 'features', 'service', 'protocol', 'node'],
};
/** Files of `features` may import these files of `store`, never an implementation. */
const STORE_INTERFACE = new Set(['store/source-store.ts']);
const MAY_USE_NODE = new Set(['node', 'cli']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ];
  return found.map((m) => m[1] ?? '');
}

/** The target of a relative specifier, relative to server/src, with `.ts`. */
function targetOf(file: string, spec: string): string {
  const abs = path.resolve(path.dirname(file), spec);
  const rel = path.relative(SERVER, abs).split(path.sep).join('/');
  if (rel.endsWith('.ts')) return rel;
  return existsSync(abs) && statSync(abs).isDirectory() ? `${rel}/index.ts` : `${rel}.ts`;
}

const layerOf = (rel: string): string => rel.split('/')[0] ?? '';

/** The broken rules of one server file, as readable lines. */
function violations(file: string): string[] {
  const rel = path.relative(SERVER, file).split(path.sep).join('/');
  const layer = layerOf(rel);
  const out: string[] = [];
  if (!(layer in ALLOWED)) return [`${rel}: not in a known layer (${Object.keys(ALLOWED).join(', ')})`];
  for (const spec of specifiers(file)) {
    if (BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0] ?? '')) {
      if (!MAY_USE_NODE.has(layer)) out.push(`${rel}: imports the Node built-in '${spec}' (only node/ and cli/ may)`);
      continue;
    }
    if (!spec.startsWith('.')) continue;
    const target = targetOf(file, spec);
    const to = layerOf(target);
    if (to === layer) continue;
    if (!(ALLOWED[layer] ?? []).includes(to)) out.push(`${rel}: ${layer}/ may not import ${to}/ (${target})`);
    else if (layer === 'features' && to === 'store' && !STORE_INTERFACE.has(target)) {
      out.push(`${rel}: features read the store through store/source-store.ts, not ${target}`);
    }
  }
  return out;
}

test('architecture: every server layer imports only what docs/architecture.md allows', () => {
  const broken = tsFiles(SERVER).flatMap(violations);
  assert.deepEqual(broken, []);
});

test('architecture: the rules catch a broken import (the check can fail)', () => {
  const layerless = violations(path.join(SERVER, 'features', 'status.ts'));
  assert.deepEqual(layerless, [], 'a clean file passes');
  // A features file that imported an ingest module or fs would be reported:
  const fake = path.join(SERVER, 'features', 'fake.ts');
  const rel = targetOf(fake, '../ingest/indexer');
  assert.equal(layerOf(rel), 'ingest');
  assert.ok(!(ALLOWED.features ?? []).includes('ingest'));
  assert.ok(BUILTINS.has('node:fs') && BUILTINS.has('fs'));
});

test('architecture: the client imports from the server only its protocol declarations', () => {
  const broken = tsFiles(CLIENT).flatMap((file) =>
    specifiers(file)
      .filter((s) => s.includes('/server/'))
      .filter((s) => !s.endsWith('/server/src/protocol/requests'))
      .map((s) => `${path.relative(repoRoot, file)}: imports ${s}`),
  );
  assert.deepEqual(broken, []);
});
