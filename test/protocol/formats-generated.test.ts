/**
 * The "done when" as an outside tester checks it, through the built server, on sources generated here
 * in the style of outlets with no page in ../shared (test/helpers/generated-sources.ts): exactly the readable
 * sources indexed and the broken ones skipped with their reason; each title the article's; each quotation in
 * the top 3 with its speaker and its source's title (the PDF's, which runs over the page break, with the page
 * it starts on); no text of scripts, hidden parts or the platform's chrome among a page's quotations; the
 * writer's keys completed and used for the pages their entries describe (by URL, by DOI), a claim's quick fix
 * citing its page; the .bib unchanged; the server still running. Needs `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { completeAtEnd, insertedText, skippedReasons, startServer } from '../helpers/lsp-client';
import {
  EXPLAINER,
  GENERATED_BAD_FILES,
  GENERATED_BIB,
  GENERATED_MEMO,
  GENERATED_SETTINGS,
  GENERATED_WRITER_KEYS,
  generatedWorkspace,
  NEWSLETTER,
  SPLIT_PDF,
} from '../helpers/generated-sources';

interface SourceItem {
  uri: string;
  path: string;
  key: string;
  title: string;
}

interface SourceDetails {
  quotes: { label: string }[];
}

const complete = completeAtEnd;
const inserted = insertedText;

const QUOTES = [
  ...NEWSLETTER.quotes.map((q) => ({ ...q, file: NEWSLETTER.file, title: NEWSLETTER.title, page: undefined })),
  ...EXPLAINER.quotes.map((q) => ({ ...q, file: EXPLAINER.file, title: EXPLAINER.title, page: undefined })),
  { ...SPLIT_PDF.quote, file: SPLIT_PDF.file, title: SPLIT_PDF.title },
  { ...GENERATED_MEMO.quote, file: GENERATED_MEMO.file, title: GENERATED_MEMO.title, page: undefined },
];

test(
  'formats, generated material of other outlets: sources, titles, speakers, pages, no script text, writer keys',
  { timeout: 180_000 },
  async () => {
    const workspace = await generatedWorkspace();
    const session = await startServer({ workspace, settings: GENERATED_SETTINGS });
    try {
      const status = await session.whenReady(120_000);
      const reasons = skippedReasons(status, workspace);
      assert.deepEqual(Object.keys(reasons).sort(), Object.keys(GENERATED_BAD_FILES).sort(), 'exactly the broken files skipped');
      for (const [file, reason] of Object.entries(GENERATED_BAD_FILES))
        assert.ok(reasons[file]?.startsWith(reason), `${file}: ${reasons[file]} (expected ${reason}…)`);
      assert.equal(status.sources, 4, 'the two pages, the PDF and the memo indexed');

      const listed = await session.connection.sendRequest<SourceItem[]>('sourced/listSources', {});
      for (const q of QUOTES) assert.equal(listed.find((s) => s.path === q.file)?.title, q.title, `${q.file}: the article's title`);
      for (const [file, key] of Object.entries(GENERATED_WRITER_KEYS))
        assert.equal(listed.find((s) => s.path === file)?.key, key, `${file}: cited with the writer's key`);

      for (const q of QUOTES) {
        const items = await complete(session, workspace, `The source said \u201c${q.typed}`);
        const hit = items.slice(0, 3).find((i) => i.label.startsWith(q.label));
        assert.ok(hit, `${q.file}: quotation in the top 3 (${items.map((i) => i.label.slice(0, 40)).join(' | ')})`);
        assert.ok((hit.detail ?? '').startsWith(`${q.speaker} \u2014 `), `${q.file}: speaker (${hit.detail})`);
        assert.ok((hit.detail ?? '').includes(q.title), `${q.file}: title in the detail (${hit.detail})`);
        const cite = /\[@([^\],]+)(?:, p\. (\d+))?\]/.exec(inserted(hit));
        assert.ok(cite, `${q.file}: a Pandoc citation (${inserted(hit)})`);
        assert.equal(cite[2], q.page === undefined ? undefined : String(q.page), `${q.file}: page locator`);
        const writerKey = GENERATED_WRITER_KEYS[q.file];
        if (writerKey) assert.equal(cite[1], writerKey, `${q.file}: the writer's key`);
      }

      // No quotation of the newsletter comes from its scripts, hidden teaser, noscript or subscribe box.
      const newsletter = listed.find((s) => s.path === NEWSLETTER.file);
      assert.ok(newsletter);
      const details = await session.connection.sendRequest<SourceDetails | null>('sourced/sourceDetails', { uri: newsletter.uri });
      const labels = (details?.quotes ?? []).map((q) => q.label);
      assert.equal(labels.length, NEWSLETTER.quotes.length, `the article's quotations only: ${labels.join(' | ')}`);
      for (const text of NEWSLETTER.notArticle) {
        const items = await complete(session, workspace, `Someone said \u201c${text.split(' ').slice(0, 3).join(' ')}`);
        assert.ok(!items.some((i) => i.label.includes(text)), `not indexed: ${text}`);
      }

      // A claim from the explainer is flagged; its quick fix cites the explainer with the writer's key.
      const claimUri = pathToFileURL(path.join(workspace, 'claim.md')).href;
      session.open(claimUri, `${EXPLAINER.claim}\n`);
      const diagnostics = (await session.diagnosticsFor(claimUri, 15_000)).filter((d: Diagnostic) => d.code === 'unsourced-claim');
      assert.ok(diagnostics.length, 'the claim is flagged as unsourced');
      const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: claimUri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
      const fix = actions.find((a) => a.title.startsWith('Cite '));
      assert.ok(JSON.stringify(fix?.edit ?? {}).includes('@berg2025river'), `quick fix cites the explainer: ${fix?.title}`);

      const keyItems = await complete(session, workspace, 'As reported [@qui');
      assert.deepEqual(
        keyItems.map((i) => i.label),
        ['quist2025ferry'],
      );
      assert.equal(readFileSync(path.join(workspace, 'library.bib'), 'utf8'), GENERATED_BIB, 'the writer\u2019s .bib is unchanged');
      assert.equal(session.process.exitCode, null, 'the server is still running');
    } finally {
      await session.close();
    }
  },
);
