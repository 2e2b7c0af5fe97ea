/**
 * Misquote detection over the whole BBC corpus: 150 quotations of 8+ words drawn with a fixed seed,
 * written into a draft verbatim (no finding expected), as a verbatim middle part (none expected), and
 * with one word changed, dropped or two words swapped (a misquote of that quotation expected).
 * Prints the false-alarm rate and the detection rate.
 */
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSource } from '../../server/src/ingest/analyze-source';
import { bbcFiles, BBC_DIR, harness } from '../helpers/fixture';

const SAMPLE = 150;

test('misquotes over all BBC quotations: verbatim quotations and parts pass, altered ones are caught', async () => {
  const files: Record<string, string> = {};
  for (const section of readdirSync(BBC_DIR)) Object.assign(files, bbcFiles(section));
  const h = await harness(files);
  const quotes: string[] = [];
  for (const [p, text] of Object.entries(files)) {
    for (const q of analyzeSource(`file:///${p}`, p, text).quotes) {
      const ws = q.text.split(/\s+/);
      if (q.kind !== 'indirect' && ws.length >= 8 && ws.length <= 60 && !/["“”]/.test(q.text)) quotes.push(q.text);
    }
  }
  let seed = 11;
  const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sample = Array.from({ length: SAMPLE }, () => quotes[Math.floor(random() * quotes.length)]);
  let version = 0;
  const misquotes = async (quotations: string[]): Promise<number[]> => {
    const text = quotations.map((q) => `He said \u201c${q}\u201d here.`).join('\n\n') + '\n';
    const found = await h.service.findings(h.draft(text, ++version));
    const starts: number[] = [];
    let at = 0;
    for (const q of quotations) {
      starts.push(text.indexOf(`\u201c${q}\u201d`, at));
      at = starts[starts.length - 1] + q.length;
    }
    return quotations.map((_, i) => found.filter((f) => f.code === 'misquote' && f.start > starts[i] && f.start <= starts[i] + 1).length);
  };

  const verbatim = await misquotes(sample);
  const parts = await misquotes(sample.map((q) => q.split(/\s+/).slice(1, -1).join(' ')));
  const altered = sample.map((q, i) => {
    const ws = q.split(/\s+/);
    const k = 1 + (i % (ws.length - 2));
    if (i % 3 === 0) ws[k] = 'zebra';
    else if (i % 3 === 1) ws.splice(k, 1);
    else [ws[k], ws[k + 1]] = [ws[k + 1], ws[k]];
    return ws.join(' ');
  });
  const caught = await misquotes(altered);
  const falseAlarms = verbatim.filter((n) => n > 0).length + parts.filter((n) => n > 0).length;
  const detected = caught.filter((n) => n > 0).length;
  console.log(
    `misquotes: ${SAMPLE} BBC quotations; false alarms ${falseAlarms}/${2 * SAMPLE} (verbatim and verbatim parts); ` +
      `altered caught ${detected}/${SAMPLE} (${(detected / SAMPLE).toFixed(3)})`,
  );
  assert.equal(falseAlarms, 0);
  assert.ok(detected / SAMPLE >= 0.9, 'altered quotations caught');
});
