/**
 * Chooses the DOM under Readability by measurement: `npx tsx bench/html-candidates.ts`. For each candidate,
 * on the 20 saved pages of ../shared/corpora/web-news: word F1 of the extracted text against the expected
 * article text, metadata fields equal to the hand-checked ones, and time per page. Prints a Markdown table.
 */
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { cleanInline, isoDate } from '../server/src/ingest/readers/clean-text';
import { readHtml } from '../server/src/ingest/readers/html-reader';
import { tokenF1, webNewsPages, type ExpectedMetadata, type WebNewsPage } from '../test/helpers/web-news';

interface Extracted {
  text: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  date: string | null;
}

type Candidate = { name: string; run: (page: WebNewsPage) => Extracted | null };

const utf8 = new TextDecoder('utf-8');

function viaReadability(doc: unknown): Extracted | null {
  const a = new Readability(doc as never).parse();
  if (!a) return null;
  return {
    text: a.textContent ?? '',
    title: a.title ?? null,
    byline: a.byline ?? null,
    siteName: a.siteName ?? null,
    lang: a.lang ?? null,
    date: isoDate(a.publishedTime),
  };
}

const quiet = new VirtualConsole();
const candidates: Candidate[] = [
  {
    // Not a candidate: the whole page's text, to show what the measure gives for a page with its chrome.
    name: 'Baseline: all text of the page (no extraction)',
    run: (p) => {
      const { document } = parseHTML(utf8.decode(p.html));
      return { text: document.body?.textContent ?? '', title: document.title, byline: null, siteName: null, lang: null, date: null };
    },
  },
  { name: 'Readability + linkedom', run: (p) => viaReadability(parseHTML(utf8.decode(p.html)).document) },
  { name: 'Readability + jsdom', run: (p) => viaReadability(new JSDOM(utf8.decode(p.html), { virtualConsole: quiet }).window.document) },
  {
    name: 'Sourced reader (linkedom)',
    run: (p) => {
      const r = readHtml(p.html);
      if (!r.ok) return null;
      const m = r.source.meta;
      const text = r.source.blocks
        .filter((b) => b.kind !== 'title')
        .map((b) => b.text)
        .join('\n');
      return { text, title: m.title, byline: m.authors.join(', '), siteName: m.outlet, lang: m.language, date: m.date };
    },
  },
  {
    name: 'Sourced reader (jsdom)',
    run: (p) => {
      const r = readHtml(p.html, (html) => new JSDOM(html, { virtualConsole: quiet }).window.document);
      if (!r.ok) return null;
      const m = r.source.meta;
      const text = r.source.blocks
        .filter((b) => b.kind !== 'title')
        .map((b) => b.text)
        .join('\n');
      return { text, title: m.title, byline: m.authors.join(', '), siteName: m.outlet, lang: m.language, date: m.date };
    },
  },
];

const same = (a: string | null, b: string | null | undefined): boolean =>
  !!a && !!b && cleanInline(a).toLowerCase() === cleanInline(b).toLowerCase();

/** Authors match when every extracted name is in the expected byline. */
const sameByline = (a: string | null, b: string | null): boolean =>
  !!a && !!b && a.split(', ').every((name) => cleanInline(b).toLowerCase().includes(cleanInline(name).toLowerCase()));

/** Fields the page has a hand-checked value for, and how many the candidate got right. */
function metadataScore(x: Extracted, e: ExpectedMetadata): [number, number] {
  const checks: [boolean, boolean][] = [
    [e.title !== null, same(x.title, e.title)],
    [e.byline !== null, sameByline(x.byline, e.byline)],
    [e.siteName !== null, same(x.siteName, e.siteName)],
    [e.lang != null, same(x.lang, e.lang)],
    [e.publishedTime !== null, x.date !== null && x.date === isoDate(e.publishedTime)],
  ];
  const asked = checks.filter(([has]) => has);
  return [asked.filter(([, ok]) => ok).length, asked.length];
}

const pages = webNewsPages();
const rows: string[] = [];
for (const c of candidates) {
  for (const p of pages.slice(0, 3)) c.run(p); // warm up the JIT
  let f1 = 0;
  let right = 0;
  let asked = 0;
  let failed = 0;
  const times: number[] = [];
  for (const p of pages) {
    const t0 = performance.now();
    const x = c.run(p);
    times.push(performance.now() - t0);
    if (!x) {
      failed++;
      continue;
    }
    const pageF1 = tokenF1(x.text, p.expectedText);
    if (process.argv.includes('--pages')) process.stderr.write(`  ${p.name}: F1 ${pageF1.toFixed(3)}\n`);
    f1 += pageF1;
    const [r, a] = metadataScore(x, p.expected);
    right += r;
    asked += a;
  }
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  times.sort((a, b) => a - b);
  rows.push(
    `| ${c.name} | ${(f1 / pages.length).toFixed(3)} | ${right}/${asked} (${(right / asked).toFixed(2)}) | ${mean.toFixed(0)} | ${times[Math.floor(times.length / 2)].toFixed(0)} | ${failed} |`,
  );
  process.stderr.write(`${c.name} done\n`);
}
console.log('| Candidate | Text F1 vs expected (mean of 20) | Metadata fields right | ms/page mean | ms/page median | no article |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
