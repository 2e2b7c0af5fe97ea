// The editor configurations of the README, read from the README itself so that what the tests run is what users copy.
// Each block follows a `<!-- editor-config: NAME -->` marker; `/path/to/sourced` stands for the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const README = path.join(REPO_ROOT, 'README.md');
export const PLACEHOLDER = '/path/to/sourced';

/** Every marked configuration block of the README: name, fence language and text. */
export function editorConfigs(readme = fs.readFileSync(README, 'utf8')) {
  const out = [];
  const marker = /<!-- editor-config: ([\w.-]+) -->\s*\n```(\w+)\n([\s\S]*?)\n```/g;
  for (const m of readme.matchAll(marker)) out.push({ name: m[1], language: m[2], text: m[3] + '\n' });
  return out;
}

/** One block with the placeholder replaced by `repo`; throws when the README lost it. */
export function editorConfig(name, repo = REPO_ROOT) {
  const block = editorConfigs().find((c) => c.name === name);
  if (!block) throw new Error(`README.md has no <!-- editor-config: ${name} --> block`);
  return { ...block, text: block.text.split(PLACEHOLDER).join(repo) };
}
