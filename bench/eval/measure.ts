/**
 * The figures of issue 14, measured through the public service only (completion, hover, findings), as a
 * writer meets them: a draft with `“` and a few words, a hover on a name, a draft of claims.
 */
import type { CompletionItem, Hover, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, SourcedService } from '../../server/src/service';
import type { EvalSet, LabelDraft, LabelQuote } from './labels';

export interface Ratio {
  hit: number;
  all: number;
}
export interface Figures {
  firstTop1: Ratio;
  middleTop3: Ratio;
  speaker: Ratio;
  nameRecall: Ratio;
  placeRecall: Ratio;
  aliasRecall: Ratio;
  roleRecall: Ratio;
  falsePersonCards: Ratio;
  claims: { tp: number; fp: number; fn: number };
  quickFixTop1: Ratio;
  numberRecall: Ratio;
  misses: string[];
}

const ratio = (): Ratio => ({ hit: 0, all: 0 });
const wordsOf = (s: string): string[] => s.split(/\s+/).filter(Boolean);
/** Lower case, curly quotes straight, punctuation dropped: how a reader compares two spellings. */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/'(?!\p{L})|(?<!\p{L})'/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const tokens = (s: string): string[] =>
  norm(s)
    .replace(/'s\b/g, '')
    .split(' ')
    .filter((w) => w && !/^(the|a|an)$/.test(w));

/** Same quotation: equal words, or one inside the other covering at least 80% of it (a boundary word or two). */
function sameQuote(a: string, b: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 0.8 * long.length && long.includes(short);
}

/**
 * The item offers the labelled quotation: the same, or a longer quotation holding it (a quotation the source runs
 * over several paragraphs, which a label may list paragraph by paragraph). `atStart`: the label must begin it.
 */
function offers(item: string, label: string, atStart: boolean): boolean {
  if (sameQuote(item, label)) return true;
  const x = norm(item);
  const y = norm(label);
  return atStart ? x.startsWith(y) : x.includes(y);
}

/** The speaker shown names the labelled one: every word of the label is in it ("a spokesman for X" shows "X spokesman"). */
function sameSpeaker(shown: string, label: string): boolean {
  const have = new Set(tokens(shown));
  return tokens(label).every((w) => have.has(w));
}

let version = 0;
const draftDoc = (text: string, name: string): TextDocument =>
  TextDocument.create(`file:///workspace/eval-drafts/${name}.md`, 'markdown', ++version, text);

/** The text an item inserts between the writer's marks. */
function inserted(i: CompletionItem): string {
  const raw = (i.textEdit as TextEdit | undefined)?.newText ?? '';
  const t = i.insertTextFormat === 2 ? raw.replace(/\$0/, '').replace(/\\([\\$}])/g, '$1') : raw;
  const end = t.search(/["\u201d](?:\[[\^@][^\]]+\])?(?:\n|$)/);
  return t.slice(1, end < 0 ? undefined : end);
}

async function complete(service: SourcedService, typed: string): Promise<CompletionItem[]> {
  const text = `Notes.\n\nShe said \u201c${typed}`;
  const doc = draftDoc(text, 'complete');
  const list = await service.completion(doc, doc.positionAt(text.length));
  return list?.items ?? [];
}

async function quoteFigures(service: SourcedService, quotes: LabelQuote[], f: Figures): Promise<void> {
  for (const q of quotes) {
    const ws = wordsOf(q.text);
    if (ws.length < 4) continue;
    const first = await complete(service, ws.slice(0, 3).join(' '));
    f.firstTop1.all++;
    if (first[0] && offers(inserted(first[0]), q.text, true)) f.firstTop1.hit++;
    else f.misses.push(`first words: “${q.text.slice(0, 50)}” → ${first[0] ? inserted(first[0]).slice(0, 50) : 'nothing'}`);
    if (q.speaker !== null) {
      f.speaker.all++;
      const item = first.slice(0, 3).find((i) => offers(inserted(i), q.text, false));
      const shown = item?.detail?.split(' \u2014 ')[0] ?? '';
      if (item && sameSpeaker(shown, q.speaker)) f.speaker.hit++;
      else f.misses.push(`speaker: “${q.text.slice(0, 40)}” shows ${item ? shown : '(quote not offered)'} ≠ ${q.speaker} [${q.file}]`);
    }
    if (ws.length < 8) continue;
    const mid = Math.floor(ws.length / 2) - 1;
    const typed = ws
      .slice(mid, mid + 3)
      .join(' ')
      .replace(/[.,;:!?“”"()[\]]+/g, '');
    const middle = await complete(service, typed);
    f.middleTop3.all++;
    if (middle.slice(0, 3).some((i) => offers(inserted(i), q.text, false))) f.middleTop3.hit++;
    else f.misses.push(`middle words: “${typed}” of “${q.text.slice(0, 40)}”`);
  }
}

interface Card {
  name: string;
  type: string;
  roles: string[];
  text: string;
}

/** The actor card a hover on `name` (in a plain sentence of a draft) shows, or null. */
async function cardFor(service: SourcedService, name: string): Promise<Card | null> {
  const text = `Notes.\n\nWe read about ${name} today.\n`;
  const doc = draftDoc(text, 'hover');
  const hover: Hover | null = await service.hover(doc, doc.positionAt(text.indexOf(name) + 1));
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  const plain = value.replace(/\\([\\`*_{}[\]()#+\-.!|<>~'])/g, '$1');
  const head = /^\*\*(.+?)\*\*\s*\n\s*\n\*([^*]+)\*/.exec(plain);
  if (!head) return null;
  const roles = [...plain.matchAll(/^- (.+?) \u2014 /gm)].map((m) => m[1]);
  return { name: head[1], type: head[2].trim(), roles, text: plain };
}

async function actorFigures(service: SourcedService, set: EvalSet, f: Figures): Promise<void> {
  for (const a of set.actors) {
    const card = await cardFor(service, a.name);
    const found = card !== null && norm(card.name) === norm(a.name);
    const r = a.type === 'place' ? f.placeRecall : f.nameRecall;
    r.all++;
    if (found) r.hit++;
    else f.misses.push(`actor: ${a.name} (${a.type}) → ${card ? `${card.name} (${card.type})` : 'no card'}`);
    for (const alias of a.aliases) {
      f.aliasRecall.all++;
      const c = await cardFor(service, alias);
      if (c && norm(c.name) === norm(a.name)) f.aliasRecall.hit++;
      else f.misses.push(`alias: ${alias} of ${a.name} → ${c?.name ?? 'no card'}`);
    }
    for (const role of a.roles) {
      f.roleRecall.all++;
      const want = norm(role.title);
      if (found && card.roles.some((x) => norm(x).includes(want))) f.roleRecall.hit++;
      else f.misses.push(`role: ${role.title} of ${a.name} → ${card && found ? card.roles.join('; ') || 'no roles' : 'no card'}`);
    }
  }
  for (const thing of set.nonActors) {
    const card = await cardFor(service, thing);
    f.falsePersonCards.all++;
    if (card?.type === 'person') {
      f.falsePersonCards.hit++;
      f.misses.push(`person card on a non-actor: ${thing} → ${card.name}`);
    }
  }
}

/** Digits and the decimal point of a figure, so "$2.95bn" and "2.95bn" or "five" and "five" compare. */
const figureKey = (s: string): string => (/\d/.test(s) ? s.replace(/[^\d.]/g, '').replace(/\.0+$/, '') : norm(s));

async function claimFigures(service: SourcedService, drafts: LabelDraft[], f: Figures): Promise<void> {
  for (const d of drafts) {
    const text = d.text ?? `# Notes\n\n${[...d.sentences.map((s) => s.sentence), ...d.figures.map((g) => g.sentence)].join('\n\n')}\n`;
    const findings: Finding[] = await service.findings(draftDoc(text, d.name));
    const unsourced = findings.flatMap((x) => (x.code === 'unsourced-claim' ? [x] : []));
    for (const s of d.sentences) {
      const start = text.indexOf(s.sentence);
      if (start < 0) throw new Error(`labelled sentence not in draft ${d.name}: ${s.sentence}`);
      const end = start + s.sentence.length;
      const hit = unsourced.find((x) => x.start < end && x.end > start);
      const gold = s.claim && !s.cited;
      if (gold && hit) f.claims.tp++;
      else if (gold) {
        f.claims.fn++;
        f.misses.push(`claim not flagged: ${s.sentence}`);
      } else if (hit) {
        f.claims.fp++;
        f.misses.push(`non-claim flagged: ${s.sentence}`);
      }
      if (!gold || s.support.length === 0) continue;
      f.quickFixTop1.all++;
      const top = hit?.candidates[0]?.path;
      if (top && s.support.includes(top)) f.quickFixTop1.hit++;
      else f.misses.push(`quick fix: ${s.sentence.slice(0, 60)} → ${top ?? 'no candidate'} (want ${s.support[0]})`);
    }
    for (const g of d.figures) {
      const start = text.indexOf(g.sentence) + g.sentence.indexOf(g.wrong);
      const end = start + g.wrong.length;
      // A wrong figure is also an unsourced claim.
      if (unsourced.some((x) => x.start < end && x.end > start)) f.claims.tp++;
      else {
        f.claims.fn++;
        f.misses.push(`claim not flagged: ${g.sentence}`);
      }
      f.numberRecall.all++;
      const m = findings.find((x) => x.code === 'number-mismatch' && x.start < end && x.end > start);
      if (m && m.code === 'number-mismatch' && figureKey(m.expected) === figureKey(g.right)) f.numberRecall.hit++;
      else
        f.misses.push(
          `number: ${g.wrong} (want ${g.right}) → ${m && m.code === 'number-mismatch' ? `fix writes ${m.expected}` : 'not flagged'}`,
        );
    }
  }
}

/**
 * Every figure of one labelled set: quotes and actors on `small` (the labelled articles with no distractors,
 * as the writer's own folder of sources), claims on `large` (every BBC article too: the quick fix must pick the
 * right one among them).
 */
export async function measure(small: SourcedService, large: SourcedService, set: EvalSet): Promise<Figures> {
  const f: Figures = {
    firstTop1: ratio(),
    middleTop3: ratio(),
    speaker: ratio(),
    nameRecall: ratio(),
    placeRecall: ratio(),
    aliasRecall: ratio(),
    roleRecall: ratio(),
    falsePersonCards: ratio(),
    claims: { tp: 0, fp: 0, fn: 0 },
    quickFixTop1: ratio(),
    numberRecall: ratio(),
    misses: [],
  };
  await quoteFigures(small, set.quotes, f);
  await actorFigures(small, set, f);
  await claimFigures(large, set.drafts, f);
  return f;
}
