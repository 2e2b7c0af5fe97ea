// The end-to-end scenarios (five of the real-editor issue, the Sources view of the editors issue). Each drives VS Code like a writer and asserts on the
// editor's DOM or on the saved document. Expected values are hand-checked against seeds/ (test tables only).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Hand-checked: seeds/000_e69ee878f7b3fed3.txt, Foreign Minister Hakan Fidan.
const FIDAN_QUOTE = 'It would be a mistake at this time to try to explain the events in Syria by any foreign interference';
const FIDAN_SOURCE = 'seeds/000_e69ee878f7b3fed3.txt';
// Hand-checked: seeds/001_364f92249d520d82.txt says Iran and Turkey called for preventing Syria becoming a safe haven.
const CLAIM = 'Iran and Turkey said that Syria must not be allowed to become a safe haven for terrorist groups.';
const CLAIM_SOURCE = 'seeds/001_364f92249d520d82.txt';

// Scenario 2 types a quotation at the end of this line.
const QUOTE_LINE = 'At the press conference in Ankara, the minister was blunt. Fidan said: ';
// The verbatim quotation that scenario 5 alters by typing.
const MISQUOTE_LINE = `Fidan said: “${FIDAN_QUOTE}.”`;

/** Draft files written into the workspace copy before the editor starts; one per scenario, so none depends on another. */
export const DRAFTS = {
  'e2e-quote.md': `# Quote completion\n\n${QUOTE_LINE}\n`,
  // A question is not a claim: the hover shows the actor card alone.
  'e2e-hover.md': '# Actors\n\nWhat will Fidan tell his counterpart at the next meeting?\n',
  'e2e-claim.md': `# Claims\n\n${CLAIM}\n`,
  'e2e-misquote.md': `# Misquote\n\n${MISQUOTE_LINE}\n`,
};

// A Problems row shows the code as `sourced(code)`; the parentheses are drawn by CSS, not in the text.
const hasCode = (entry, code) => new RegExp(`sourced\\(?${code}\\b`).test(entry.text);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const citationAfter = (text) => new RegExp(`${escape(text)}[^\\n]*\\[\\^([^\\]\\s]+)\\]`);

/** Each scenario: a name and a function of the test context ({ wb, shot }). */
export const SCENARIOS = [
  {
    name: 'status item shows the indexed sources',
    async run({ wb, shot }) {
      await wb.openFile('report.md');
      const status = await wb.waitFor(
        'the Sourced language status to report the indexed sources',
        async () => {
          const label = await wb.languageStatus();
          return /Sourced: \d+ sources? · \d+ quotes? · \d+ actors?/.test(label) && label;
        },
        45_000,
      );
      const [, sources] = /Sourced: (\d+) sources?/.exec(status);
      assert.equal(Number(sources), 5, `expected the 5 seed sources in "${status}"`);
      // Open the language status hover so that the screenshot shows the item itself.
      const item = wb.page.locator('#status\\.languageStatus');
      const card = wb.page.locator('.hover-language-status', { hasText: 'Sourced:' }).first();
      await item.click();
      await card.waitFor({ timeout: 5000 });
      assert.match(await card.innerText(), /Sourced: 5 sources/);
      await shot('status');
      // The hover opened by a click stays until the editor takes the focus back.
      await wb.waitFor(
        'the language status hover to close',
        async () => {
          if (!(await card.isVisible())) return true;
          await wb.page.keyboard.press('Escape');
          await wb
            .editor()
            .locator('.view-lines')
            .click({ position: { x: 5, y: 5 } });
          await wb.page.mouse.move(700, 400);
          await card.waitFor({ state: 'hidden', timeout: 1000 }).catch(() => undefined);
          return false;
        },
        5000,
      );
      return status.match(/Sourced: [^,]*/)[0];
    },
  },
  {
    name: 'quote completion inserts the verbatim quotation with its citation',
    async run({ wb, shot }) {
      const file = 'e2e-quote.md';
      await wb.openFile(file);
      await wb.goTo(3, QUOTE_LINE.length + 1);
      await wb.type('“mistake at this time');
      const page = wb.page;
      const widget = page.locator('.editor-widget.suggest-widget.visible');
      const row = widget.locator('.monaco-list-row', { hasText: 'mistake at this time' }).first();
      let invoked = false;
      await wb.waitFor(
        'the suggestion list to offer the quotation',
        async () => {
          if (await row.isVisible()) return true;
          // The trigger character opened the list; should it have closed, invoke it explicitly as a writer would.
          if (!invoked && !(await widget.isVisible())) {
            invoked = true;
            await page.keyboard.press('Control+Space');
          }
          return false;
        },
        20_000,
      );
      // Focus our row, then show the details pane: the item's detail names the speaker.
      await wb.waitFor(
        'the quotation to be the focused suggestion',
        async () => {
          if ((await widget.locator('.monaco-list-row.focused', { hasText: 'mistake at this time' }).count()) > 0) return true;
          await page.keyboard.press('ArrowDown');
          return false;
        },
        5000,
      );
      const details = page.locator('.suggest-details-container .suggest-details:visible');
      const detailText = await wb.waitFor(
        'the suggestion details to name the speaker',
        async () => {
          if (!(await details.isVisible())) await page.keyboard.press('Control+Space'); // Toggle Suggestion Details
          const text = await details.innerText({ timeout: 1000 });
          return /Hakan Fidan/.test(text) && text;
        },
        10_000,
      );
      assert.match(detailText, /Hakan Fidan/);
      await shot('suggestions');
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 5000 });
      const text = await wb.saveAndRead(file, FIDAN_QUOTE);
      assert.match(text, new RegExp(`Fidan said: “${escape(FIDAN_QUOTE)},?”`), 'the verbatim quotation in the writer’s curly marks');
      const cite = citationAfter(FIDAN_QUOTE).exec(text);
      assert.ok(cite, `a citation marker after the quotation in:\n${text}`);
      assert.match(
        text,
        new RegExp(`^\\[\\^${escape(cite[1])}\\]:.*${escape(FIDAN_SOURCE)}`, 'm'),
        'a footnote definition naming the source',
      );
      await shot('accepted');
      return `[^${cite[1]}]`;
    },
  },
  {
    name: 'hover on a surname shows the actor card',
    async run({ wb, shot }) {
      await wb.openFile('e2e-hover.md');
      await wb.closePanel();
      const card = await wb.hover('Fidan', /Hakan Fidan/);
      // The canonical name is bold on the first line of the card, then the role the seeds give.
      const first = await wb.hoverMarkdown().locator('p').first().innerHTML();
      assert.match(first, /^<strong>Hakan Fidan<\/strong>$/, 'the canonical name in bold on the first line');
      assert.match(card, /Foreign Minister \(Turkey\)/, 'the role the seeds give');
      // For the docs, the top of the window: the draft and the card.
      await shot('hover', { docs: 'screenshot-hover.png', docsClip: { x: 0, y: 0, width: 1280, height: 420 } });
      await wb.page.mouse.move(5, 5);
      return card.split('\n')[0];
    },
  },
  {
    name: 'uncited claim: squiggle, Problems entry, quick fix cites the source',
    async run({ wb, shot }) {
      const file = 'e2e-claim.md';
      await wb.openFile(file);
      const mine = (entries) => entries.filter((e) => e.file === file);
      await wb.problems('an unsourced-claim problem for the draft', (entries) => mine(entries).some((e) => hasCode(e, 'unsourced-claim')));
      await wb.waitFor('a warning squiggle in the draft', async () => (await wb.squiggles('warning')) > 0);
      await shot('problem');
      await wb.clickOn('safe haven');
      const titles = await wb.quickFix(/^Cite /);
      await shot('quickfix', { docs: 'screenshot-quickfix.png' });
      // The preferred fix comes first; it must cite the source that supports the claim.
      const preferred = titles.find((t) => /^Cite /.test(t));
      await wb.applyQuickFix(preferred);
      const text = await wb.saveAndRead(file, /\[\^[^\]]+\]:/);
      const cite = citationAfter(CLAIM.slice(0, -1)).exec(text);
      assert.ok(cite, `a citation marker after the claim in:\n${text}`);
      assert.match(text, new RegExp(`^\\[\\^${escape(cite[1])}\\]:.*${escape(CLAIM_SOURCE)}`, 'm'), `the definition names ${CLAIM_SOURCE}`);
      await wb.problems('the unsourced-claim problem to go away', (entries) => !mine(entries).some((e) => hasCode(e, 'unsourced-claim')));
      await shot('fixed');
      return preferred;
    },
  },
  {
    name: 'altered quotation: misquote problem, fix restores the wording',
    async run({ wb, shot }) {
      const file = 'e2e-misquote.md';
      await wb.openFile(file);
      const mine = (entries) => entries.filter((e) => e.file === file);
      // The verbatim quotation: the draft is analysed (its uncited sentence is flagged) and no misquote is reported.
      await wb.problems('the draft to be analysed', (entries) => mine(entries).some((e) => hasCode(e, 'unsourced-claim')));
      const before = await wb.problems('the draft’s problems', () => true);
      assert.ok(!mine(before).some((e) => hasCode(e, 'misquote')), 'no misquote for the verbatim quotation');
      // Alter it as a writer might: “a mistake” → “a big mistake”.
      await wb.goTo(3, MISQUOTE_LINE.indexOf('mistake') + 1);
      await wb.type('big ');
      await wb.saveAndRead(file, 'a big mistake');
      const problem = await wb.problems('a misquote problem for the draft', (entries) => mine(entries).some((e) => hasCode(e, 'misquote')));
      const message = mine(problem).find((e) => hasCode(e, 'misquote')).text;
      assert.match(message, /Hakan Fidan|Fidan/, 'the message names the speaker');
      await wb.waitFor(
        'a squiggle on the altered quotation',
        async () => (await wb.squiggles('warning')) + (await wb.squiggles('error')) > 0,
      );
      await shot('problem');
      await wb.clickOn('big mistake');
      await wb.quickFix(/Replace with the source/);
      await shot('quickfix');
      await wb.applyQuickFix("Replace with the source's wording");
      const text = await wb.saveAndRead(file, (t) => !t.includes('big mistake'));
      assert.ok(text.includes(MISQUOTE_LINE), `the source's wording restored in:\n${text}`);
      await wb.problems('the misquote problem to go away', (entries) => !mine(entries).some((e) => hasCode(e, 'misquote')));
      await shot('fixed');
      return 'wording restored';
    },
  },
  {
    name: 'Sources view: a quotation opens its source at the passage',
    async run({ wb, shot }) {
      const page = wb.page;
      await wb.openFile('report.md');
      // The view's focus command appears once the workbench has registered the contributed views.
      await wb.waitFor(
        'the command Focus on Sources View',
        async () => {
          await page.keyboard.press('F1');
          const input = page.locator('.quick-input-widget input');
          await input.waitFor({ timeout: 2000 });
          await input.fill('>Focus on Sources View');
          const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Focus on Sources View' }).first();
          if (
            await row.waitFor({ timeout: 2000 }).then(
              () => true,
              () => false,
            )
          )
            return true;
          await page.keyboard.press('Escape');
          return false;
        },
        30_000,
      );
      await page.keyboard.press('Enter');
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^\s*Sources/ }) });
      const rows = pane.locator('.pane-body .monaco-list-row');
      await wb.waitFor('the Sources view to list the 5 seed sources', async () => (await rows.count()) >= 5, 30_000);
      const titles = await rows.allInnerTexts();
      // The first source: selecting it opens the file and expands it.
      await rows.first().click();
      const tab = page.locator('.tabs-container .tab.active');
      const fileName = await wb.waitFor('the source to open', async () => {
        const name = await tab.getAttribute('data-resource-name');
        return /\.(txt|md)$/.test(name ?? '') && name;
      });
      const quotations = pane.locator('.pane-body .monaco-list-row', { hasText: /^\s*Quotations \(\d+\)/ }).first();
      // A row with a command opens on click; its twistie expands it.
      await wb.waitFor('the source to show its quotations group', async () => {
        if (await quotations.isVisible()) return true;
        await rows.first().locator('.monaco-tl-twistie').click();
        await quotations.waitFor({ timeout: 2000 }).catch(() => undefined);
        return false;
      });
      await quotations.locator('.monaco-tl-twistie').click();
      // The row after the group is its first quotation: “…” with the speaker as description.
      const quoteRow = pane.locator('.pane-body .monaco-list-row', { hasText: /^\s*\u201c/ }).first();
      await quoteRow.waitFor({ timeout: 10_000 });
      const label = (await quoteRow.locator('.label-name').innerText()).replace(/^\u201c|\u201d$/g, '').replace(/\u2026$/, '');
      await quoteRow.click();
      // Where the passage is, from the file on disk: the line holding the quotation's first words.
      const text = fs.readFileSync(path.join(wb.workspace, 'seeds', fileName), 'utf8');
      const at = text.indexOf(label.slice(0, 30));
      assert.ok(at >= 0, `“${label.slice(0, 30)}” is in ${fileName}`);
      const line = text.slice(0, at).split('\n').length;
      const selection = await wb.waitFor(`the editor of ${fileName} to select the quotation on line ${line}`, async () => {
        const status = (await page.locator('#status\\.editor\\.selection').textContent()) ?? '';
        return (
          (await tab.getAttribute('data-resource-name')) === fileName && status.includes(`Ln ${line},`) && /selected/.test(status) && status
        );
      });
      await shot('sources-view');
      return `${titles.length} sources; ${fileName} ${selection.trim()}`;
    },
  },
];
