// Page helpers for driving VS Code (code-server) with Playwright: open a file, type, hover, read the Problems
// panel, run a quick fix, read the saved document. Every wait polls the DOM or the disk; none sleeps blindly.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Polls `probe` until it returns a truthy value; throws with `what` and the last value after `timeoutMs`. */
export async function waitFor(what, probe, { timeoutMs = 15_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) {
      const shown = typeof last === 'string' ? last : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${shown ? ` (last seen: ${shown.slice(0, 400)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A VS Code window in a Playwright page, with the workspace folder on disk for reading saved files. */
export class Workbench {
  constructor(page, workspace) {
    this.page = page;
    this.workspace = workspace;
  }

  /** Polls `probe` (see the module's waitFor). */
  waitFor(what, probe, timeoutMs = 15_000) {
    return waitFor(what, probe, { timeoutMs });
  }

  /** Loads the workbench for the workspace folder and waits until it is interactive. */
  async load(url) {
    await this.page.goto(`${url}/?folder=${encodeURI(this.workspace)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.statusbar').waitFor({ timeout: 60_000 });
    // More room for the editor (and the screenshots): hide the side bar; files are opened with Quick Open.
    const sidebar = this.page.locator('.part.sidebar');
    await waitFor('the side bar to hide', async () => {
      if (!(await sidebar.isVisible())) return true;
      await this.page.keyboard.press('Control+B');
      await sidebar.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
      return false;
    });
  }

  /** Opens a workspace file with Quick Open and waits for its editor to have focus. */
  async openFile(name) {
    // Quick Open's file search can take over 10 s on a loaded 2-core machine before its first result.
    const page = this.page;
    // A file already open in a tab is brought forward by its tab (Quick Open's recent list can hold the focus).
    const tab = page.locator(`.tabs-container .tab[data-resource-name="${path.basename(name)}"]`);
    if ((await tab.count()) > 0) await tab.first().click();
    else await this.quickOpen(name);
    await page.locator(`.tabs-container .tab.active[data-resource-name="${path.basename(name)}"]`).waitFor({ timeout: 10_000 });
    await this.editor().locator('.view-lines').waitFor();
    await waitFor(`focus in the editor of ${name}`, () =>
      this.editor()
        .locator('textarea.inputarea, .native-edit-context')
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false),
    );
  }

  /** Opens a file through Quick Open (Ctrl+P), waiting for its row. */
  async quickOpen(name) {
    const page = this.page;
    await waitFor(`Quick Open for ${name}`, async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ timeout: 2000 });
      return true;
    });
    await page.locator('.quick-input-widget input').fill(name);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: path.basename(name) })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
  }

  /** The active text editor. */
  editor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Moves the cursor to 1-based line and column with Go to Line. */
  async goTo(line, column = 1) {
    const page = this.page;
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await waitFor(`cursor at ${line}:${column}`, async () => {
      const label = (await page.locator('#status\\.editor\\.selection').textContent()) ?? '';
      return label.includes(`Ln ${line}, Col ${column}`) && label;
    });
  }

  /** Types text into the focused editor like a user (auto-closing of quote pairs is off in the test settings). */
  async type(text) {
    await this.page.keyboard.type(text, { delay: 15 });
  }

  /** Saves the active editor; returns the file's text once the disk copy matches `expected` (string, RegExp or predicate). */
  async saveAndRead(name, expected, timeoutMs = 10_000) {
    const file = path.join(this.workspace, name);
    let lastSave = 0;
    return waitFor(
      `${name} on disk to contain ${expected}`,
      async () => {
        const text = fs.readFileSync(file, 'utf8');
        const ok =
          typeof expected === 'string' ? text.includes(expected) : typeof expected === 'function' ? expected(text) : expected.test(text);
        if (ok) return text;
        // An edit from a quick fix or a completion lands asynchronously: a save may come before it, so save again.
        if (Date.now() - lastSave > 1000) {
          lastSave = Date.now();
          await this.page.keyboard.press('Control+S');
        }
        throw new Error(text.slice(-400));
      },
      { timeoutMs },
    );
  }

  /** The screen rectangle of the first rendered occurrence of `text` in the editor (after `skip` earlier ones). */
  async rectOf(text, skip = 0) {
    return waitFor(`“${text}” rendered in the editor`, () =>
      this.editor()
        .locator('.view-lines')
        .evaluate(
          (root, [needle, skipCount]) => {
            const lines = [...root.querySelectorAll('.view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
            let seen = 0;
            for (const line of lines) {
              // Walk the line's text nodes so that the occurrence may span several token <span>s.
              const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
              const nodes = [];
              let all = '';
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                nodes.push({ node: n, start: all.length });
                all += (n.textContent ?? '').replace(/\u00a0/g, ' ');
              }
              let at = all.indexOf(needle);
              while (at >= 0 && seen < skipCount) {
                seen++;
                at = all.indexOf(needle, at + 1);
              }
              if (at < 0) continue;
              const locate = (offset) => {
                const hit = nodes.filter((x) => x.start <= offset).pop();
                return [hit.node, Math.min(offset - hit.start, hit.node.textContent.length)];
              };
              const range = document.createRange();
              range.setStart(...locate(at));
              range.setEnd(...locate(at + needle.length));
              const r = range.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height };
            }
            return null;
          },
          [text, skip],
        ),
    );
  }

  /** Clicks into the middle of a rendered occurrence of `text`, placing the cursor there. */
  async clickOn(text) {
    const r = await this.rectOf(text);
    await this.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  }

  /** Hovers the mouse over `text` and returns the hover card's Markdown text once it matches `expected`. */
  async hover(text, expected, timeoutMs = 15_000) {
    const r = await this.rectOf(text);
    const page = this.page;
    // Move away first so that a hover already shown elsewhere does not count.
    await page.mouse.move(r.x + r.width / 2, r.y - 60);
    return waitFor(
      `a hover card on “${text}” matching ${expected}`,
      async () => {
        await page.mouse.move(r.x + r.width / 2 - 1, r.y + r.height / 2);
        await page.mouse.move(r.x + r.width / 2, r.y + r.height / 2);
        const hover = this.hoverMarkdown();
        await hover.waitFor({ timeout: 2500 });
        const content = (await hover.innerText()).trim();
        if (expected.test(content)) return content;
        throw new Error(content);
      },
      { timeoutMs, intervalMs: 300 },
    );
  }

  /** The language status entries (the `{}` item of the status bar), as one string. */
  async languageStatus() {
    return (await this.page.locator('#status\\.languageStatus').getAttribute('aria-label')) ?? '';
  }

  /**
   * Opens the Problems panel and returns its entries ({ file, text }: the file they belong to, and the row's
   * message, code and position) once `predicate(entries)` holds.
   */
  async problems(what, predicate, timeoutMs = 20_000) {
    const page = this.page;
    if (
      !(await page
        .locator('.markers-panel')
        .isVisible()
        .catch(() => false))
    ) {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ timeout: 10_000 });
    }
    return waitFor(
      what,
      async () => {
        const rows = await page
          .locator('.markers-panel .monaco-list-row')
          .evaluateAll((els) =>
            els.map((el) => ({ label: el.getAttribute('aria-label') ?? '', text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() })),
          );
        // File rows ("N problems in file x.md …") head the marker rows that follow them.
        const entries = [];
        let file = '';
        for (const row of rows) {
          const header = /problems? in file (\S+)/.exec(row.label);
          if (header) file = header[1];
          else entries.push({ file, text: `${row.label} ${row.text}` });
        }
        if (process.env.E2E_DEBUG) console.log(JSON.stringify(entries));
        return predicate(entries) ? entries : Promise.reject(new Error(JSON.stringify(entries)));
      },
      { timeoutMs },
    );
  }

  /** Closes the bottom panel (Problems) if it is open. */
  async closePanel() {
    if (
      await this.page
        .locator('.markers-panel')
        .isVisible()
        .catch(() => false)
    ) {
      await this.page.keyboard.press('Control+J');
      await this.page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 5000 });
    }
  }

  /** Squiggles of a severity ('warning', 'error', 'info', 'hint') rendered in the editor. */
  async squiggles(severity = 'warning') {
    return this.editor().locator(`.view-overlays .squiggly-${severity}, .view-overlays .cdr.squiggly-${severity}`).count();
  }

  /** Opens the quick fix menu at the cursor and clicks the action whose title matches; returns the titles seen. */
  async quickFix(title, timeoutMs = 15_000) {
    const page = this.page;
    const titles = await waitFor(
      `a quick fix matching ${title}`,
      async () => {
        if (!(await page.locator('.action-widget:visible').count())) {
          await page.keyboard.press('Control+.');
          await page.locator('.action-widget:visible .monaco-list-row').first().waitFor({ timeout: 3000 });
        }
        const all = await page
          .locator('.action-widget:visible .monaco-list-row')
          .evaluateAll((els) => els.map((el) => (el.getAttribute('aria-label') || el.textContent || '').trim()));
        if (all.some((t) => title.test(t))) return all;
        await page.keyboard.press('Escape');
        throw new Error(JSON.stringify(all));
      },
      { timeoutMs, intervalMs: 500 },
    );
    return titles;
  }

  /** Chooses the quick fix whose title starts with `title` in the open menu, with the keyboard like a user. */
  async applyQuickFix(title) {
    const page = this.page;
    const rows = page.locator('.action-widget:visible .monaco-list-row.action');
    await waitFor(
      `the quick fix “${title}” to be focused`,
      async () => {
        const focused =
          (
            await rows.evaluateAll((els) =>
              els.filter((el) => el.classList.contains('focused')).map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''),
            )
          )[0] ?? '';
        if (focused.startsWith(title)) return true;
        await page.keyboard.press('ArrowDown');
        return false;
      },
      5000,
    );
    await page.keyboard.press('Enter');
    await page.locator('.action-widget:visible').waitFor({ state: 'hidden', timeout: 5000 });
  }

  /** The rendered Markdown of the visible hover's provider contents (not the diagnostics part). */
  hoverMarkdown() {
    return this.page.locator('.monaco-hover:visible .markdown-hover .rendered-markdown').first();
  }
}
