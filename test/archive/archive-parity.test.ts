/**
 * Archive vs local on labelled samples: a workspace with NO local sources reading the archive (BBC ingested into
 * a throwaway PostgreSQL) must complete quotes, show hover cards and find the claim fix as well as the same corpus
 * indexed locally, within 0.05. Samples: the hand-labelled quotation, actor and claim tables in test/fixtures.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { openPgArchive } from '../../server/src/node/pg-archive';
import { createService, MemoryCorpus, MemoryLogger, type SourcedService } from '../../server/src/service';
import type { UnsourcedClaim } from '../../server/src/domain/findings';
import { archiveCli } from '../helpers/archive-cli';
import { BBC_DIR, FIXTURES_DIR } from '../helpers/paths';
import { pgUnavailable, startCluster, type PgCluster } from '../helpers/pg-cluster';

const skip = pgUnavailable() ?? false;
let pg: PgCluster;
let local: SourcedService;
let archive: SourcedService;
const TOLERANCE = 0.05;

before(async () => {
  if (skip) return;
  pg = await startCluster();
  const r = archiveCli(['ingest', '--url', pg.url, '--quiet', BBC_DIR]);
  assert.equal(r.status, 0, r.stderr);
  const files: Record<string, string> = {};
  for (const section of readdirSync(BBC_DIR).sort()) {
    for (const f of readdirSync(path.join(BBC_DIR, section)).sort())
      files[`bbc/${section}/${f}`] = readFileSync(path.join(BBC_DIR, section, f), 'utf8');
  }
  const config = { corpus: { include: ['**/*'] }, index: { persist: false } };
  local = createService({ corpus: new MemoryCorpus(files), config, logger: new MemoryLogger() });
  const logger = new MemoryLogger();
  archive = createService({ corpus: new MemoryCorpus({}), config, logger, archive: openPgArchive(pg.url, logger) });
  await Promise.all([local.start(), archive.start()]);
});
after(() => {
  local?.dispose();
  archive?.dispose();
  pg?.stop();
});

let drafts = 0;
/**
 * A draft with its own URI: the service keeps a parse per URI and version (and text length), so two samples of
 * the same length under one URI would be answered from the previous sample's text.
 */
const draft = (text: string, name = `draft-${++drafts}.md`): TextDocument =>
  TextDocument.create(`file:///workspace/${name}`, 'markdown', 1, text);
const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** A source path without its corpus prefix: `section/file.txt` (local: bbc/…, archive: archive:…). */
const tail = (p: string): string =>
  p
    .replace(/^archive:/, '')
    .split('/')
    .slice(-2)
    .join('/');

interface Rates {
  local: number;
  archive: number;
  n: number;
}

function compare(name: string, r: Rates): void {
  console.log(`${name}: local ${(r.local / r.n).toFixed(3)}, archive ${(r.archive / r.n).toFixed(3)} (n=${r.n})`);
  assert.ok(r.n >= 20, `${name}: sample too small (${r.n})`);
  assert.ok(r.local / r.n > 0.3, `${name}: the local figure is implausibly low`);
  assert.ok(Math.abs(r.local / r.n - r.archive / r.n) <= TOLERANCE, `${name}: archive differs from local by more than ${TOLERANCE}`);
}

interface QuoteTable {
  files: { file: string; quotes: { text: string; kind: string }[] }[];
}

test(
  'archive parity: quote completion (top-3 hits for the first four words of labelled quotations)',
  { skip, timeout: 600_000 },
  async () => {
    const sample: string[] = [];
    for (const f of ['quotes-bbc.json', 'quotes-bbc-heldout.json', 'quotes-bbc-heldout2.json']) {
      const table = JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), 'utf8')) as QuoteTable;
      for (const file of table.files)
        for (const q of file.quotes)
          if ((q.kind === 'direct' || q.kind === 'partial') && q.text.split(/\s+/).length >= 6) sample.push(q.text);
    }
    const rates: Rates = { local: 0, archive: 0, n: 0 };
    for (const text of sample) {
      const typed = text.split(/\s+/).slice(0, 4).join(' ');
      const doc = draft(`He said \u201c${typed}`);
      const position = doc.positionAt(doc.getText().length);
      const want = norm(text).slice(0, 40);
      const hit = async (s: SourcedService): Promise<boolean> => {
        const list = await s.completion(doc, position);
        return (list?.items ?? [])
          .slice(0, 3)
          .some((i) => norm(i.label).startsWith(want.slice(0, Math.min(want.length, norm(i.label).length))));
      };
      rates.n++;
      if (await hit(local)) rates.local++;
      if (await hit(archive)) rates.archive++;
    }
    compare('quote completion', rates);
  },
);

interface ActorTable {
  actors: { name: string; type: string; roles?: { title: string }[] }[];
}

/** The labelled actors of the BBC actor tables. */
const labelledActors = (): ActorTable['actors'] =>
  ['actors-bbc.json', 'actors-bbc-heldout.json'].flatMap(
    (f) => (JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), 'utf8')) as ActorTable).actors,
  );

test('archive parity: hover cards (labelled people and organisations, hovered in a draft)', { skip, timeout: 600_000 }, async () => {
  const names = new Set(labelledActors().flatMap((a) => (a.type === 'person' || a.type === 'organisation' ? [a.name] : [])));
  const rates: Rates = { local: 0, archive: 0, n: 0 };
  for (const name of names) {
    const doc = draft(`On Monday ${name} spoke to reporters.`);
    const position = doc.positionAt('On Monday '.length + 1);
    const shows = (h: Hover | null): boolean => Boolean(h && norm((h.contents as MarkupContent).value).includes(norm(name)));
    rates.n++;
    if (shows(await local.hover(doc, position))) rates.local++;
    if (shows(await archive.hover(doc, position))) rates.archive++;
  }
  compare('hover cards', rates);
});

test(
  'archive parity: roles on hover cards (labelled actors with a role; the card shows its title)',
  { skip, timeout: 600_000 },
  async () => {
    const rates: Rates = { local: 0, archive: 0, n: 0 };
    for (const actor of labelledActors()) {
      const title = actor.roles?.[0]?.title;
      if (!title) continue;
      const doc = draft(`On Monday ${actor.name} spoke to reporters.`);
      const position = doc.positionAt('On Monday '.length + 1);
      const shows = (h: Hover | null): boolean => Boolean(h && norm((h.contents as MarkupContent).value).includes(norm(title)));
      rates.n++;
      if (shows(await local.hover(doc, position))) rates.local++;
      if (shows(await archive.hover(doc, position))) rates.archive++;
    }
    compare('roles on cards', rates);
  },
);

interface ClaimSet {
  drafts: {
    name: string;
    corpus: string;
    text: string;
    sentences: { sentence: string; claim: boolean; cited: boolean; support: string[] }[];
  }[];
}

test('archive parity: claim fixes (the quick fix cites a labelled supporting source)', { skip, timeout: 600_000 }, async () => {
  const rates: Rates = { local: 0, archive: 0, n: 0 };
  let fixChecked = false;
  for (const f of ['claims-labelled.json', 'claims-heldout.json']) {
    const set = JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), 'utf8')) as ClaimSet;
    for (const d of set.drafts.filter((x) => x.corpus === 'bbc')) {
      const doc = draft(d.text, `${d.name}.md`);
      const top = async (s: SourcedService): Promise<Map<string, string | undefined>> => {
        const found = (await s.findings(doc)).filter((x): x is UnsourcedClaim => x.code === 'unsourced-claim');
        const out = new Map<string, string | undefined>();
        for (const label of d.sentences) {
          const start = d.text.indexOf(label.sentence);
          const hit = found.find((x) => x.start < start + label.sentence.length && x.end > start);
          out.set(label.sentence, hit?.candidates[0]?.path);
        }
        return out;
      };
      const [l, a] = [await top(local), await top(archive)];
      for (const label of d.sentences) {
        if (!label.claim || label.cited || label.support.length === 0) continue;
        const support = new Set(label.support.map(tail));
        rates.n++;
        const lp = l.get(label.sentence);
        const ap = a.get(label.sentence);
        if (lp && support.has(tail(lp))) rates.local++;
        if (ap && support.has(tail(ap))) rates.archive++;
      }
      if (!fixChecked) {
        // The quick fix itself: applying it to the archive-only workspace cites the archived source.
        const diagnostics = (await archive.diagnostics(doc)).filter((x) => x.code === 'unsourced-claim');
        const actions = await archive.codeActions(doc, diagnostics[0].range, [diagnostics[0]], undefined);
        const edits = actions.flatMap((x) => Object.values(x.edit?.changes ?? {}).flat());
        assert.ok(
          edits.some((e) => e.newText.includes('archive:')),
          `no quick fix cites an archived source: ${JSON.stringify(actions.map((x) => x.title))}`,
        );
        fixChecked = true;
      }
    }
  }
  compare('claim fixes (top-1 supporting source)', rates);
});
