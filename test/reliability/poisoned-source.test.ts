/**
 * Untrusted content: a poisoned source (HTML, command: links, images, template syntax) next to the seeds. Everything
 * the server shows from it — hovers, completion documentation, diagnostics, code action titles, quick-pick items,
 * actor cards, symbols — must render without raw HTML, images, non-file links or command: URIs.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, SEEDS_DIR } from '../helpers/fixture';
import { markdownIn, markdownProblems, plainProblems, renderedText } from './helpers/checks';
import { ServerSession } from './helpers/server-session';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'poisoned-source');
/** Text from the poisoned source that, once shown, proves the check looked at poisoned content. */
const POISON = /onerror|command:|<script|<iframe|evil\.example|\{\{|\$\{|\$\(zap\)|<b>|<a href|<style/i;

let workspace: string;
let server: ServerSession;
let draftUri: string;
const counts = {
  hovers: 0,
  completions: 0,
  markdown: 0,
  poisonedMarkdown: 0,
  plain: 0,
  poisonedPlain: 0,
  diagnostics: 0,
  actions: 0,
  quotes: 0,
  actors: 0,
  cards: 0,
};
const problems: string[] = [];

function checkMarkdown(where: string, value: unknown): void {
  for (const md of markdownIn(value)) {
    counts.markdown++;
    if (POISON.test(renderedText(md))) counts.poisonedMarkdown++;
    for (const p of markdownProblems(md)) problems.push(`${where}: ${p} in ${JSON.stringify(md.slice(0, 200))}`);
  }
}

function checkPlain(where: string, ...texts: unknown[]): void {
  for (const t of texts) {
    if (typeof t !== 'string') continue;
    counts.plain++;
    if (POISON.test(t)) counts.poisonedPlain++;
    for (const p of plainProblems(t)) problems.push(`${where}: ${p}`);
  }
}

before(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'sourced-poison-'));
  cpSync(SEEDS_DIR, path.join(workspace, 'seeds'), { recursive: true });
  mkdirSync(path.join(workspace, 'seeds', 'poisoned'));
  for (const f of readdirSync(FIXTURE)) cpSync(path.join(FIXTURE, f), path.join(workspace, 'seeds', 'poisoned', f));
  server = await ServerSession.start({ workspace });
  const s = await server.ready();
  assert.equal(s.sources, 6, 'the seeds and the poisoned source are indexed');
});

after(async () => {
  await server.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

test(
  'untrusted content: nothing shown from a poisoned source can render HTML, images, links or commands',
  { timeout: 120_000 },
  async () => {
    const symbols = (await server.call('workspace/symbol', { query: 'harbour' })) as { ok: true; result: { name: string }[] };
    const key = symbols.result.find((s) => s.name.includes('onerror'))?.name.split(' ')[0];
    assert.ok(key, `the poisoned source has a citation key (${JSON.stringify(symbols.result.map((s) => s.name))})`);
    checkPlain('workspace symbol', ...symbols.result.map((s) => s.name));

    // A draft that cites, quotes (exactly and wrongly), names and paraphrases the poisoned source.
    const draft = [
      '# Harbour report',
      '',
      `The harbour council met on Tuesday.[^${key}]`,
      '',
      '"The north quay will reopen in May, click here and see," said Harbour Master Joana Silva.',
      '',
      '"The north quay will reopen in June," said Joana Silva.',
      '',
      'Prime Minister Rui Costa said: "We will spend 50 million euros on the quay before the summer season begins."',
      '',
      'Finance Minister Ana Pereira told reporters on Tuesday that nobody should trust this link.',
      '',
      'Opposition leader Miguel Santos called the plan "a waste of money and a disgrace to the harbour city".',
      '',
      'The port will stay open every day of the year, including holidays and weekends, for all ships.',
      '',
      '"The north',
      '',
    ].join('\n');
    draftUri = pathToFileURL(path.join(workspace, 'report.md')).href;
    const doc = server.open(draftUri, draft);

    const diagnostics = ((await server.diagnosticsNow(draftUri)) ?? []) as {
      message: string;
      range: unknown;
      relatedInformation?: { message: string }[];
    }[];
    for (const d of diagnostics) {
      counts.diagnostics++;
      checkPlain('diagnostic message', d.message, ...(d.relatedInformation ?? []).map((r) => r.message));
      const actions = await server.call('textDocument/codeAction', {
        textDocument: { uri: draftUri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      if (!actions.ok) problems.push(`codeAction error ${actions.message}`);
      for (const a of (actions.ok ? actions.result : []) as { title: string }[]) {
        counts.actions++;
        checkPlain('code action title', a.title);
      }
    }

    for (let offset = 0; offset <= draft.length; offset++) {
      const position = doc.positionAt(offset);
      const hover = await server.call('textDocument/hover', { textDocument: { uri: draftUri }, position });
      if (!hover.ok) problems.push(`hover error ${hover.message}`);
      else if (hover.result) {
        counts.hovers++;
        checkMarkdown(`hover at ${offset}`, hover.result);
      }
      if (offset % 2 === 0 || draft[offset - 1] === '"') {
        const completion = await server.call('textDocument/completion', { textDocument: { uri: draftUri }, position });
        if (!completion.ok) problems.push(`completion error ${completion.message}`);
        const items =
          (completion.ok
            ? Array.isArray(completion.result)
              ? completion.result
              : (completion.result as { items?: unknown[] } | null)?.items
            : []) ?? [];
        for (const item of items as {
          label: string;
          detail?: string;
          documentation?: unknown;
          labelDetails?: { detail?: string; description?: string };
        }[]) {
          counts.completions++;
          checkPlain('completion label', item.label, item.detail, item.labelDetails?.detail, item.labelDetails?.description);
          checkMarkdown('completion documentation', { documentation: item.documentation });
        }
      }
    }

    for (const query of ['', 'quay', 'harbour', 'trust', 'waste', 'script', 'command', 'north quay reopen']) {
      const quotes = await server.call('sourced/searchQuotes', { query, limit: 50 });
      if (!quotes.ok) problems.push(`searchQuotes error ${quotes.message}`);
      for (const q of (quotes.ok ? quotes.result : []) as Record<string, unknown>[]) {
        counts.quotes++;
        checkPlain('quote quick-pick item', ...Object.values(q));
      }
    }
    const actors = await server.call('sourced/listActors', { query: '' });
    if (!actors.ok) problems.push(`listActors error ${actors.message}`);
    for (const a of (actors.ok ? actors.result : []) as Record<string, unknown>[]) {
      counts.actors++;
      checkPlain('actor quick-pick item', ...Object.values(a).filter((v) => typeof v === 'string' && v !== a.id));
      const card = await server.call('sourced/actorCard', { id: a.id });
      if (!card.ok) problems.push(`actorCard error ${card.message}`);
      else if (card.result) {
        counts.cards++;
        checkMarkdown(`actor card ${String(a.id)}`, { markdown: card.result });
      }
    }

    console.log(
      `untrusted content: ${draft.length + 1} hover positions (${counts.hovers} hovers), ${counts.completions} completion items, ` +
        `${counts.diagnostics} diagnostics, ${counts.actions} code actions, ${counts.quotes} quote items, ${counts.actors} actor items, ${counts.cards} actor cards; ` +
        `${counts.markdown} Markdown strings checked (${counts.poisonedMarkdown} showing poisoned text), ${counts.plain} plain strings (${counts.poisonedPlain} poisoned); ` +
        `${problems.length} problems`,
    );
    assert.deepEqual(problems.slice(0, 20), []);
    assert.ok(counts.poisonedMarkdown > 0, 'at least one hover showed the poisoned text (escaped), so the check saw it');
    assert.deepEqual(server.bugLogs(), []);
  },
);

test('untrusted content: the client renders server Markdown untrusted and without HTML, and declares its workspace-trust behaviour', () => {
  const extension = readFileSync(path.join(REPO, 'client', 'src', 'extension.ts'), 'utf8');
  assert.match(extension, /markdown:\s*\{\s*isTrusted:\s*false,\s*supportHtml:\s*false\s*\}/, 'LanguageClientOptions.markdown');
  const offending: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) {
        const text = readFileSync(p, 'utf8');
        if (/isTrusted\s*[:=]\s*(true|\{)|supportHtml\s*[:=]\s*true|enabledCommands/.test(text)) offending.push(path.relative(REPO, p));
      }
    }
  };
  walk(path.join(REPO, 'client', 'src'));
  assert.deepEqual(offending, [], 'no client code trusts Markdown or enables commands in it');
  const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string } };
  };
  const trust = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(trust && (trust.supported === true || trust.supported === 'limited'), 'capabilities.untrustedWorkspaces declared');
  assert.ok((trust.description ?? '').length > 20, 'with a description');
  console.log(
    `untrusted content: client markdown options and untrustedWorkspaces (${JSON.stringify(trust.supported)}) checked in ${extension.length} chars of client code`,
  );
});

test('untrusted content: the checker flags the raw poisoned text and passes it once escaped (the check can fail)', async () => {
  const { escapeMarkdown } = await import('../../server/src/text/escape-markdown');
  const raw = readFileSync(path.join(FIXTURE, 'poisoned.txt'), 'utf8');
  const rawProblems = markdownProblems(raw);
  const escaped = escapeMarkdown(raw);
  console.log(
    `untrusted content: raw poisoned source has ${rawProblems.length} unsafe constructs; escaped: ${markdownProblems(escaped).length}`,
  );
  assert.ok(
    rawProblems.some((p) => p.startsWith('raw HTML')) &&
      rawProblems.some((p) => p.startsWith('command link')) &&
      rawProblems.some((p) => p.startsWith('image')),
  );
  assert.deepEqual(markdownProblems(escaped), []);
  assert.match(renderedText(escaped), /<img src=x onerror=alert\(1\)>/, 'the escaped text still shows what the source says');
});
