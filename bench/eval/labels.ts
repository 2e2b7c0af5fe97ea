/**
 * The labelled sets the evaluation measures: the hand-labelled real articles (test/fixtures/eval, dev and test
 * halves) and the older seed / BBC-sample fixtures, all in one shape. Corpus paths are as the service indexes
 * them: `seeds/<file>`, `bbc/<section>/<file>`, `web/<page>.txt`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../../test/helpers/fixture';
import { EVAL_LABELS_DIR } from '../../test/helpers/shared-data';

export interface LabelQuote {
  file: string;
  text: string;
  speaker: string | null;
}
export interface LabelRole {
  title: string;
  affiliation: string | null;
}
export interface LabelActor {
  name: string;
  type: string;
  aliases: string[];
  roles: LabelRole[];
}
export interface LabelClaim {
  sentence: string;
  claim: boolean;
  cited: boolean;
  support: string[];
}
export interface LabelFigure {
  sentence: string;
  wrong: string;
  right: string;
}
export interface LabelDraft {
  name: string;
  sentences: LabelClaim[];
  figures: LabelFigure[];
  text?: string;
}

export interface EvalSet {
  name: string;
  /** Corpus paths of the labelled sources. */
  files: string[];
  quotes: LabelQuote[];
  actors: LabelActor[];
  nonActors: string[];
  drafts: LabelDraft[];
}

/** One labelled article; a `dev2` article (labelled later, for tuning only) may label only some kinds. */
interface ArticleLabels {
  path: string;
  half: Half;
  quotes?: { text: string; speaker: string | null }[];
  actors?: LabelActor[];
  nonActors?: string[];
  claims?: { sentence: string; claim: boolean; supported: boolean }[];
  figures?: LabelFigure[];
}

/** dev and test: the 31 articles split before tuning; dev2 … dev5: articles labelled afterwards, tuned on like dev. */
export type Half = 'dev' | 'test' | 'dev2' | 'dev3' | 'dev4' | 'dev5';

/** Corpus path of an article named relative to the shared folder. */
export function corpusPathOf(sharedPath: string): string {
  const bbc = /^corpora\/bbc-news\/news\/(.+)$/.exec(sharedPath);
  if (bbc) return `bbc/${bbc[1]}`;
  const web = /^corpora\/web-news\/pages\/([^/]+)\/expected\.html$/.exec(sharedPath);
  if (web) return `web/${web[1]}.txt`;
  throw new Error(`unknown article path ${sharedPath}`);
}

/** The hand-labelled articles of one half. */
export function articleSet(half: Half): EvalSet {
  const set: EvalSet = { name: half, files: [], quotes: [], actors: [], nonActors: [], drafts: [] };
  for (const f of readdirSync(EVAL_LABELS_DIR).sort()) {
    const a = JSON.parse(readFileSync(path.join(EVAL_LABELS_DIR, f), 'utf8')) as ArticleLabels;
    if (a.half !== half) continue;
    const file = corpusPathOf(a.path);
    set.files.push(file);
    set.quotes.push(...(a.quotes ?? []).map((q) => ({ file, text: q.text, speaker: q.speaker })));
    set.actors.push(...(a.actors ?? []));
    set.nonActors.push(...(a.nonActors ?? []));
    const claims = a.claims ?? [];
    const figures = a.figures ?? [];
    if (claims.length || figures.length)
      set.drafts.push({
        name: f.replace(/\.json$/, ''),
        sentences: claims.map((c) => ({ sentence: c.sentence, claim: c.claim, cited: false, support: c.supported ? [file] : [] })),
        figures,
      });
  }
  return set;
}

const fixture = <T>(name: string): T => JSON.parse(readFileSync(path.join(REPO, 'test', 'fixtures', name), 'utf8')) as T;

interface QuoteTable {
  files: { file: string; quotes: { text: string; speaker: string | null; kind: string }[] }[];
}
interface ActorTable {
  files: string[];
  actors: LabelActor[];
  judgements: Record<string, boolean>;
}
interface ClaimTable {
  drafts: { name: string; corpus: string; text: string; sentences: LabelClaim[] }[];
}

/** An older fixture set: the seeds, or the BBC sample the extraction was built against. */
export function fixtureSet(which: 'seeds' | 'bbc'): EvalSet {
  const quotes = fixture<QuoteTable>(which === 'seeds' ? 'quotes-seeds.json' : 'quotes-bbc.json');
  const actors = fixture<ActorTable>(which === 'seeds' ? 'actors-seeds.json' : 'actors-bbc.json');
  const claims = ['claims-labelled.json', 'claims-heldout.json']
    .flatMap((n) => fixture<ClaimTable>(n).drafts)
    .filter((d) => d.corpus === which);
  const prefix = which === 'seeds' ? 'seeds/' : 'bbc/';
  return {
    name: which === 'seeds' ? 'seeds' : 'BBC sample',
    files: which === 'seeds' ? [] : [...new Set([...quotes.files.map((f) => f.file), ...actors.files])].map((f) => prefix + f),
    quotes: quotes.files.flatMap((f) =>
      f.quotes.filter((q) => q.kind !== 'indirect').map((q) => ({ file: prefix + f.file, text: q.text, speaker: q.speaker })),
    ),
    actors: actors.actors,
    nonActors: Object.entries(actors.judgements)
      .filter(([, real]) => !real)
      .map(([name]) => name),
    drafts: claims.map((d) => ({ name: d.name, sentences: d.sentences, figures: [], text: d.text })),
  };
}
