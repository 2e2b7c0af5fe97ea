/**
 * Real sources through the built server: saved web pages, a PDF and a Word memo, broken files and the writer's
 * BibTeX file. Exactly the readable sources are indexed (the others, among them a truncated, an encrypted and a
 * scanned PDF, a PDF named .html, a zip bomb and an oversized .docx, skipped with their reason); quotations from
 * the PDF carry speaker, title and page, from the Word file speaker and title; the writer's key is completed,
 * shown on hover and used for the page it describes; the .bib file is never written; the server stays up.
 * Needs `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver-types';
import { skippedReasons, startServer, type LspSession } from '../helpers/lsp-client';
import {
  BAD_FILES,
  FORMATS_SETTINGS,
  formatsWorkspace,
  PDF_MEMO,
  WORD_MEMO,
  WORKSPACE_PAGES,
  WRITER_BIB,
  WRITER_KEY,
} from '../helpers/formats-workspace';

let drafts = 0;

/** Opens a new draft with a `|` cursor and asks for completion there. */
async function complete(session: LspSession, workspace: string, text: string): Promise<CompletionItem[]> {
  const uri = pathToFileURL(path.join(workspace, `draft-${++drafts}.md`)).href;
  const offset = text.indexOf('|');
  const body = text.replace('|', '');
  session.open(uri, body);
  const lines = body.slice(0, offset).split('\n');
  const list = await session.connection.sendRequest<CompletionList | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines[lines.length - 1].length },
  });
  return list?.items ?? [];
}

const inserted = (item: CompletionItem): string => (item.textEdit as TextEdit | undefined)?.newText ?? '';

test(
  'formats: pages, PDF and Word memo indexed, broken files skipped with reasons, citations carry metadata, writer key used',
  { timeout: 180_000 },
  async () => {
    const workspace = await formatsWorkspace();
    const session = await startServer({ workspace, settings: FORMATS_SETTINGS });
    try {
      const status = await session.whenReady(120_000);
      assert.equal(status.sources, WORKSPACE_PAGES.length + 2, 'every readable source indexed');
      const reasons = skippedReasons(status, workspace);
      assert.deepEqual(reasons, BAD_FILES);
      for (const [file, reason] of Object.entries(BAD_FILES)) {
        assert.ok(
          session.logs.some((l) => l.includes(file.split('/').pop()!) && l.includes(reason)),
          `output channel names ${file}: ${reason}`,
        );
      }

      const draft = pathToFileURL(path.join(workspace, 'report.md')).href;
      const pdfItems = await complete(session, workspace, 'The chair was firm: \u201cWe will hold the line|\n');
      const pdf = pdfItems.find((i) => i.label.startsWith('We will hold the line on capital spending according to the plan'));
      assert.ok(pdf, `PDF quotation offered: ${pdfItems.map((i) => i.label).join(' | ')}`);
      assert.match(pdf.detail ?? '', new RegExp(`^${PDF_MEMO.author} \u2014 ${PDF_MEMO.title} \\(2024-03-05\\), p\\. 1$`));
      assert.match(inserted(pdf), /\[@budget-review-memo-2024, p\. 1\]/);

      const wordItems = await complete(session, workspace, 'She warned: \u201cWe cannot wait|\n');
      const word = wordItems.find((i) => i.label.startsWith('We cannot wait another winter'));
      assert.ok(word, 'Word quotation offered');
      assert.match(word.detail ?? '', new RegExp(`^${WORD_MEMO.author} \u2014 ${WORD_MEMO.title}`));

      const pageItems = await complete(session, workspace, 'Obama spoke of \u201ccommon sense gun|\n');
      const page = pageItems.find((i) => i.label.startsWith('common sense gun safety laws'));
      assert.ok(page, 'web page quotation offered');
      assert.match(page.detail ?? '', /^Barack Obama \u2014 Obama admits US gun laws are his 'biggest frustration'/);
      assert.match(
        inserted(page),
        new RegExp(`\\[@${WRITER_KEY}\\]`),
        'the page the writer\u2019s entry describes is cited with the writer\u2019s key',
      );

      const keyItems = await complete(session, workspace, 'As reported [@obama|\n');
      assert.deepEqual(
        keyItems.map((i) => i.label),
        [WRITER_KEY],
      );
      const unrelated = await complete(session, workspace, 'As reported [@unrel|\n');
      assert.deepEqual(
        unrelated.map((i) => i.label),
        ['unrelated2001'],
        'keys of entries no source matches complete too',
      );

      const cited = `Obama spoke [@${WRITER_KEY}] and wrote [@unrelated2001].\n`;
      session.open(draft, cited);
      const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: draft },
        position: { line: 0, character: cited.indexOf(WRITER_KEY) + 1 },
      });
      assert.match(JSON.stringify(hover?.contents ?? ''), /Obama admits US gun laws/);
      const hover2 = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
        textDocument: { uri: draft },
        position: { line: 0, character: cited.indexOf('unrelated2001') + 1 },
      });
      assert.match(JSON.stringify(hover2?.contents ?? ''), /A Book Nobody Indexed/);
      const diagnostics = await session.diagnosticsFor(draft, 15_000);
      assert.ok(!diagnostics.some((d) => d.code === 'unknown-citation'), 'writer keys are known citations');

      assert.equal(readFileSync(path.join(workspace, 'refs.bib'), 'utf8'), WRITER_BIB, 'the writer\u2019s .bib is unchanged');
      assert.equal(session.process.exitCode, null, 'the server is still running');
    } finally {
      await session.close();
    }
  },
);
