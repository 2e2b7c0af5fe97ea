/**
 * Benchmark corpora, generated into a temporary folder (never committed): the seeds, the BBC articles, and
 * synthetic corpora recombined from BBC paragraphs with varied names and figures, so that a large corpus is
 * not the same article repeated. Generation is deterministic (seeded) and reused between runs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..');
export const SEEDS_DIR = path.join(REPO, 'seeds');
export const BBC_DIR = path.resolve(REPO, '..', 'shared', 'corpora', 'bbc-news', 'news');
/** Bump when the generator changes, so stale generated corpora are not reused. */
const GENERATOR_VERSION = 2;
const FILES_PER_FOLDER = 500;

/** Root of everything the benchmark writes outside the repo. */
export function benchRoot(): string {
  return process.env.SOURCED_BENCH_DIR ?? path.join(tmpdir(), 'sourced-bench');
}

/** A small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Article {
  section: string;
  title: string;
  paragraphs: string[];
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTxt(full));
    else if (entry.name.endsWith('.txt')) out.push(full);
  }
  return out.sort();
}

function loadBbc(): Article[] {
  return listTxt(BBC_DIR).map((file) => {
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    const blocks = text
      .split(/\n\s*\n/)
      .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
      .filter(Boolean);
    return { section: path.basename(path.dirname(file)), title: blocks[0] ?? '', paragraphs: blocks.slice(1) };
  });
}

/** Capitalised two-word names (not at a sentence start) and their parts, as pools for substitution. */
function namePools(articles: Article[]): { first: string[]; last: string[] } {
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const re = /(?<=[a-z,] )([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b/g;
  for (const a of articles) {
    for (const p of a.paragraphs) {
      for (const m of p.matchAll(re)) {
        firstCount.set(m[1], (firstCount.get(m[1]) ?? 0) + 1);
        lastCount.set(m[2], (lastCount.get(m[2]) ?? 0) + 1);
      }
    }
  }
  const keep = (m: Map<string, number>): string[] =>
    [...m]
      .filter(([, n]) => n >= 3)
      .map(([w]) => w)
      .sort();
  return { first: keep(firstCount), last: keep(lastCount) };
}

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)];
}

/** Rewrites names (consistently within one article) and figures of a text. */
function vary(texts: string[], pools: { first: string[]; last: string[] }, r: () => number): string[] {
  const names = new Map<string, string>();
  const surnames = new Map<string, string>();
  const re = /\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b/g;
  for (const t of texts) {
    for (const m of t.matchAll(re)) {
      if (names.has(m[0]) || r() < 0.3) continue;
      const last = surnames.get(m[2]) ?? pick(pools.last, r);
      surnames.set(m[2], last);
      names.set(m[0], `${pick(pools.first, r)} ${last}`);
    }
  }
  return texts.map((t) =>
    t
      .replace(re, (whole) => names.get(whole) ?? whole)
      .replace(/\b[A-Z][a-z]{2,}\b/g, (w) => surnames.get(w) ?? w)
      .replace(/\b\d+(?:\.\d+)?\b/g, (num) => {
        if (/^(19|20)\d\d$/.test(num)) return String(Number(num) + Math.floor(r() * 7) - 3);
        return num.replace(/\d/g, (d, i: number) =>
          i === 0 && num.length > 1 ? String(1 + Math.floor(r() * 9)) : String(Math.floor(r() * 10)),
        );
      }),
  );
}

function generateSynthetic(dir: string, size: number): void {
  const articles = loadBbc();
  const pools = namePools(articles);
  const bySection = new Map<string, Article[]>();
  for (const a of articles) bySection.set(a.section, [...(bySection.get(a.section) ?? []), a]);
  const sections = [...bySection.keys()].sort();
  const r = rng(size);
  for (let i = 0; i < size; i++) {
    const section = sections[i % sections.length];
    const pool = bySection.get(section) ?? [];
    const base = pick(pool, r);
    const paragraphs = [...base.paragraphs];
    // Swap in whole paragraphs from other articles of the section, keeping the base's length and shape.
    for (let k = 0; k < paragraphs.length; k++) {
      if (r() < 0.4) {
        const other = pick(pool, r);
        if (other.paragraphs.length) paragraphs[k] = pick(other.paragraphs, r);
      }
    }
    const [title, ...body] = vary([base.title, ...paragraphs], pools, r);
    const folder = path.join(dir, section, String(Math.floor(i / FILES_PER_FOLDER)).padStart(4, '0'));
    if (i % FILES_PER_FOLDER === 0 || !existsSync(folder)) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `article-${String(i).padStart(6, '0')}.txt`), `${title}\n\n${body.join('\n\n')}\n`);
  }
}

/** The folder of a benchmark corpus of `size` articles, generating it when missing. */
export function corpusFor(size: number, log: (m: string) => void = () => {}): string {
  const dir = path.join(benchRoot(), `corpus-${size}-v${GENERATOR_VERSION}`);
  const marker = path.join(dir, '.complete');
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  if (size === 5) cpSync(SEEDS_DIR, path.join(dir, 'seeds'), { recursive: true });
  else if (size === 2095) cpSync(BBC_DIR, path.join(dir, 'bbc'), { recursive: true });
  else generateSynthetic(path.join(dir, 'synthetic'), size);
  writeFileSync(marker, new Date().toISOString());
  log(`generated corpus of ${size} in ${((Date.now() - started) / 1000).toFixed(1)} s at ${dir}`);
  return dir;
}

/** Every .txt file of a corpus folder (absolute paths, sorted). */
export function corpusFiles(dir: string): string[] {
  return listTxt(dir);
}
