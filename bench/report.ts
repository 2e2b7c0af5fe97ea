/** The benchmark's Markdown table: one column per corpus size, the target at 100,000 and whether it is met. */

export type SizeResult = { size: number; files: number } & Record<string, number>;

export interface Machine {
  date: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
}

const TARGET_SIZE = 100_000;
const FUSE_SIZE = 20_000;

interface Row {
  label: string;
  cell: (r: SizeResult) => string;
  target?: string;
  /** True/false when the target applies and was measured; undefined when not measured. */
  met?: (rs: SizeResult[]) => boolean | undefined;
}

const num = (v: number | undefined, digits = 0): string =>
  v === undefined || Number.isNaN(v) ? '—' : v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const sec = (msv: number | undefined): string => (msv === undefined ? '—' : `${num(msv / 1000, msv < 10_000 ? 2 : 1)} s`);
const msCell = (v: number | undefined): string => (v === undefined ? '—' : `${num(v, v < 10 ? 2 : v < 100 ? 1 : 0)} ms`);
const at = (rs: SizeResult[], size: number): SizeResult | undefined => rs.find((r) => r.size === size);
const check =
  (size: number, value: (r: SizeResult) => number | undefined, ok: (v: number, r: SizeResult) => boolean) =>
  (rs: SizeResult[]): boolean | undefined => {
    const r = at(rs, size);
    const v = r && value(r);
    return r && v !== undefined && !Number.isNaN(v) ? ok(v, r) : undefined;
  };

const ROWS: Row[] = [
  { label: 'sources indexed (quotes, actors)', cell: (r) => `${num(r.sources)} (${num(r.quotes)}, ${num(r.actors)})` },
  { label: 'raw pass: read + split sentences (floor)', cell: (r) => sec(r.rawMs) },
  {
    label: 'cold index (× raw pass)',
    cell: (r) => `${sec(r.coldMs)} (${num(r.coldMs / r.rawMs, 1)}×)`,
    target: '≤ 60 s and ≤ 4×',
    met: check(
      TARGET_SIZE,
      (r) => r.coldMs,
      (v, r) => v <= 60_000 && v <= 4 * r.rawMs,
    ),
  },
  {
    label: 'peak RSS (cold index + all queries)',
    cell: (r) => `${num(r.peakRssMb)} MB`,
    target: '≤ 1.5 GB',
    met: check(
      TARGET_SIZE,
      (r) => r.peakRssMb,
      (v) => v <= 1536,
    ),
  },
  { label: 'persisted index: size, save time', cell: (r) => `${num(r.cacheMb)} MB, ${sec(r.saveMs)}` },
  {
    label: 'warm start from the persisted index',
    cell: (r) => sec(r.warmMs),
    target: '≤ 3 s',
    met: check(
      TARGET_SIZE,
      (r) => r.warmMs,
      (v) => v <= 3000,
    ),
  },
  {
    label: 'warm start: answering from the stored index (files still being checked)',
    cell: (r) => (r.warmAnsweringMs === undefined ? 'not run' : sec(r.warmAnsweringMs)),
  },
  { label: 'peak RSS (warm start: at ready / after all queries)', cell: (r) => `${num(r.warmReadyRssMb)} / ${num(r.warmRssMb)} MB` },
  {
    label: 'warm start: completion p95, hover p95, 5,000-word draft',
    cell: (r) =>
      r.warmCompletionP95 === undefined ? 'not run' : `${msCell(r.warmCompletionP95)}, ${msCell(r.warmHoverP95)}, ${msCell(r.warmDraftMs)}`,
  },
  {
    label: 'one changed file, re-index (median of 5)',
    cell: (r) => msCell(r.changedMs),
    target: '≤ 100 ms',
    met: check(
      TARGET_SIZE,
      (r) => r.changedMs,
      (v) => v <= 100,
    ),
  },
  { label: 'first hover after that change (lazy rebuilds)', cell: (r) => msCell(r.hoverAfterChangeMs) },
  {
    label: 'completion p50 / p95 (top-3 hits of 200)',
    cell: (r) => `${msCell(r.completionP50)} / ${msCell(r.completionP95)} (${num(r.completionHits)})`,
    target: 'p95 ≤ 30 ms',
    met: check(
      TARGET_SIZE,
      (r) => r.completionP95,
      (v) => v <= 30,
    ),
  },
  {
    label: 'plain fuse.js over every quotation p50 / p95 (top-3 hits)',
    cell: (r) =>
      r.fuseP50 === undefined ? 'not run' : `${msCell(r.fuseP50)} / ${msCell(r.fuseP95)} (${num(r.fuseHits)}/${num(r.fuseQueries)})`,
  },
  {
    label: 'completion speed-up over fuse.js (p50 ratio)',
    cell: (r) => (r.fuseP50 === undefined ? '—' : `${num(r.fuseP50 / r.completionP50, 0)}×`),
    target: '≥ 20× at 20,000',
    // A completion that finds nothing is not faster than fuse.js, whatever its latency.
    met: check(
      FUSE_SIZE,
      (r) => (r.fuseP50 === undefined ? undefined : r.fuseP50 / r.completionP50),
      (v, r) => v >= 20 && r.completionHits > 0,
    ),
  },
  {
    label: '`rg -F` over the folder p50 / p95 (file hits)',
    cell: (r) => (r.rgP50 === undefined ? 'rg missing' : `${msCell(r.rgP50)} / ${msCell(r.rgP95)} (${num(r.rgHits)}/${num(r.rgQueries)})`),
  },
  {
    label: 'hover p50 / p95 (hits of 200 names)',
    cell: (r) => `${msCell(r.hoverP50)} / ${msCell(r.hoverP95)} (${num(r.hoverHits)})`,
    target: 'p95 ≤ 10 ms',
    met: check(
      TARGET_SIZE,
      (r) => r.hoverP95,
      (v) => v <= 10,
    ),
  },
  {
    label: 'diagnostics, 5,000-word draft, first time (findings)',
    cell: (r) => `${msCell(r.draftMs)} (${num(r.draftFindings)})`,
    target: '≤ 500 ms',
    met: check(
      TARGET_SIZE,
      (r) => r.draftMs,
      (v) => v <= 500,
    ),
  },
  { label: 'the same draft again (cached sentences)', cell: (r) => msCell(r.draftAgainMs) },
  {
    label: 'one-character edit, re-diagnosis (median)',
    cell: (r) => msCell(r.editMs),
    target: '≤ 50 ms',
    met: check(
      TARGET_SIZE,
      (r) => r.editMs,
      (v) => v <= 50,
    ),
  },
];

/** Renders the results as Markdown with the machine's description and a verdict per target. */
export function renderTable(results: SizeResult[], machine: Machine): string {
  const sizes = results.map((r) => num(r.size));
  const lines = [
    '# Sourced benchmark results',
    '',
    `${machine.date} · ${machine.cores} cores (${machine.cpu}) · ${machine.memoryGb} GB memory · Node ${machine.node}`,
    '',
    `| figure | ${sizes.join(' | ')} | target at 100,000 | met? |`,
    `|---|${sizes.map(() => '---:').join('|')}|---|---|`,
  ];
  const loads = results.flatMap((r) => [r.loadBefore, r.loadAfter]).filter((v): v is number => v !== undefined);
  if (loads.length) {
    lines.splice(
      3,
      0,
      `Load average (1 min) around the measurements: ${Math.min(...loads)}–${Math.max(...loads)} on ${machine.cores} cores (other processes share the machine: above ${machine.cores}, timings are inflated).`,
      '',
    );
  }
  for (const row of ROWS) {
    const verdict = row.met ? row.met(results) : undefined;
    const metCell = !row.target ? '' : verdict === undefined ? 'not measured' : verdict ? 'yes' : '**no**';
    lines.push(`| ${row.label} | ${results.map(row.cell).join(' | ')} | ${row.target ?? ''} | ${metCell} |`);
  }
  lines.push(
    '',
    'Cold index, warm start and queries run in separate processes per size (peak RSS is `maxRSS` of that process). ',
    'Completion and hover go through the service API with a fresh draft per query; a hit is the expected quotation in the first three items ',
    '(or a hover naming the actor). Queries come from the corpus text, not from the index. fuse.js runs at sizes up to 20,000.',
    '',
  );
  return lines.join('\n');
}
