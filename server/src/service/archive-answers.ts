/**
 * Completion and hover answered from the team archive's rows directly: quotations by their words (full-text
 * and opening indexes), actors by name key, in one or two statements per request. Nothing is added to the
 * editor's in-memory index on the request path (that is what made a keystroke cost hundreds of milliseconds);
 * a completion item is built from the stored analysis of its own source only, and recent answers are kept
 * (small LRUs) so that typing on, or hovering the same name again, asks the archive nothing.
 */
import { MarkupKind, type CompletionItem, type CompletionList, type Hover } from 'vscode-languageserver-types';
import { NEVER_CANCELLED, type Cancellation } from '../domain/cancellation';
import { Lru } from '../domain/lru';
import type { SourceAnalysis } from '../domain/source-analysis';
import type { ServiceContext } from '../features/context';
import type { DraftDocument } from '../features/drafts/draft-document';
import { openQuotationAt, quotationEnd, quoteCompletionItem } from '../features/quotes/quote-completion';
import { phraseAt } from '../features/quotes/rank-quotes';
import { nameKey } from '../mentions/name-key';
import type { ActorCardRow, ArchivedSource, QuoteRow } from '../store/postgres/archive-reader';
import type { IndexedQuote, SourceUnit } from '../store/source-store';
import { escapeMarkdown, inlineCode, shorten } from '../text/escape-markdown';
import { rangeAt } from '../text/line-index';
import { normalizeForMatch } from '../text/normalize';
import { words } from '../text/tokenize';
import { nameRunsAt } from './archive-names';
import { archivedAnalysis, type ArchiveWorkingSet } from './archive-working-set';

/** Items in a completion list (as many as local completion offers). */
const MAX_ITEMS = 30;
/** Candidate rows asked of each index per completion. */
const QUOTE_ROWS = 40;
/** Sources listed on an archived actor's card. */
const CARD_SOURCES = 6;
const CARD_QUOTES = 3;
const CARD_ROLES = 6;
/** Sources (those mentioning the actor most) whose names and roles for it a card gathers. */
const CARD_FACET_SOURCES = 200;
const CARD_ALIASES = 12;
/** Answers and parsed analyses kept between requests. */
const ANSWER_CACHE = 500;
const ANALYSIS_CACHE = 2000;

interface Ranked {
  row: QuoteRow;
  tier: number;
  coverage: number;
  order: number;
}

/** Tier (0 opens with the typed words, 1 holds them as a phrase, 2 neither) and typed-word coverage of a text. */
function tierOf(text: string, typedWords: readonly string[], lastPartial: boolean): { tier: number; coverage: number } {
  const ws = words(text);
  const at = phraseAt(ws, typedWords, lastPartial);
  const set = new Set(ws);
  const found = typedWords.filter((t, i) => (lastPartial && i === typedWords.length - 1 ? ws.some((w) => w.startsWith(t)) : set.has(t)));
  return { tier: at === 0 ? 0 : at > 0 ? 1 : 2, coverage: typedWords.length ? found.length / typedWords.length : 0 };
}

export class ArchiveAnswers {
  private readonly quoteAnswers = new Lru<string, QuoteRow[]>(ANSWER_CACHE);
  private readonly cards = new Lru<string, ActorCardRow | null>(ANSWER_CACHE);
  private readonly analyses = new Lru<string, SourceUnit>(ANALYSIS_CACHE);

  constructor(private readonly ws: ArchiveWorkingSet) {
    // A completion asks two statements at once: have two connections open (and authenticated) before the first.
    void ws.ask('connecting', NEVER_CANCELLED, (r) => r.warm(2));
  }

  /** Forgets cached answers (the archive may have grown). */
  clear(): void {
    this.quoteAnswers.clear();
    this.cards.clear();
  }

  /**
   * The local completion list with the archive's quotations for the typed words merged in: those opening with
   * the typed words first, then those holding them, local before archived within each; a local copy of an
   * archived source (same content) wins.
   */
  async completion(
    ctx: ServiceContext,
    draft: DraftDocument,
    offset: number,
    local: CompletionList | null,
    token: Cancellation,
  ): Promise<CompletionList | null> {
    const open = openQuotationAt(draft.text, offset);
    if (!open || local === null) return local;
    const typed = draft.text.slice(open.open + 1, offset);
    const typedWords = words(typed);
    if (typedWords.length === 0) return local;
    const minWords = ctx.config().quotes.minCompletionWords;
    const cacheKey = `${minWords}\u0001${typed}`;
    let rows = this.quoteAnswers.get(cacheKey);
    /** Analyses that came with the rows (JSON text), parsed only for the rows that become items. */
    const texts = new Map<string, string>();
    if (rows === undefined) {
      const held = this.analyses.keys();
      const found = await this.ws.ask('quote completion', token, (r) => r.quoteRows(typed, minWords, QUOTE_ROWS, held));
      if (found === undefined) return local;
      for (const row of found) if (row.analysis) texts.set(row.id, row.analysis);
      // Kept without the analyses: those live (parsed) in their own LRU.
      this.quoteAnswers.set(cacheKey, (rows = found.map(({ analysis: _, ...row }) => row)));
    }
    const lastPartial = /[\p{L}\p{N}]$/u.test(typed);
    const seen = new Set<string>();
    const localTexts = local.items.map((i) => this.itemQuote(i, open.mark));
    // The same quotation in a local source (a syndicated copy) is offered once, the local one: same label.
    const localLabels = new Set(local.items.map((i) => i.label));
    const ranked: Ranked[] = [];
    for (const [order, row] of rows.entries()) {
      const norm = normalizeForMatch(row.text);
      if (seen.has(norm) || (await this.ws.isLocal(row.hash))) continue;
      seen.add(norm);
      const { tier, coverage } = tierOf(row.text, typedWords, lastPartial);
      if (tier === 2 && coverage < 0.5) continue;
      ranked.push({ row, tier, coverage, order });
    }
    ranked.sort((a, b) => a.tier - b.tier || b.coverage - a.coverage || a.order - b.order);
    ranked.length = Math.min(ranked.length, MAX_ITEMS);
    const units = await this.unitsOf(
      ranked.map((r) => r.row),
      texts,
      token,
    );
    if (units === undefined) return local;
    const end = quotationEnd(draft.text, offset, open.mark);
    const merged: { item: CompletionItem; tier: number; coverage: number; from: number }[] = local.items.map((item, i) => ({
      item,
      ...tierOf(localTexts[i], typedWords, lastPartial),
      from: 0,
    }));
    for (const r of ranked) {
      const unit = units.get(r.row.id);
      const quote = unit?.quotes[r.row.ordinal];
      if (!unit || !quote) continue;
      const q: IndexedQuote = { id: -1, unit, quote };
      const item = quoteCompletionItem(ctx, draft, q, open, end, typed, 0);
      if (!localLabels.has(item.label)) merged.push({ item, tier: r.tier, coverage: r.coverage, from: 1 });
    }
    // Local items keep their order within a tier (their ranking saw more than words); archived ones follow them.
    merged.sort((a, b) => a.tier - b.tier || a.from - b.from || (a.from === 1 ? b.coverage - a.coverage : 0));
    const items = merged.slice(0, MAX_ITEMS).map((m, i) => ({ ...m.item, sortText: String(i).padStart(4, '0') }));
    return { isIncomplete: true, items };
  }

  /** The quotation text a completion item inserts (between the marks), for ranking and de-duplication. */
  private itemQuote(item: CompletionItem, mark: string): string {
    const edit = item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : (item.insertText ?? '');
    return edit.startsWith(mark) ? edit.slice(mark.length) : edit;
  }

  /**
   * The stored analyses of these rows' sources, as units that are not in the store: parsed once (from the text
   * that came with the rows, else read by id) and kept in an LRU.
   */
  private async unitsOf(
    rows: readonly QuoteRow[],
    texts: ReadonlyMap<string, string>,
    token: Cancellation,
  ): Promise<Map<string, SourceUnit> | undefined> {
    const out = new Map<string, SourceUnit>();
    const missing: string[] = [];
    const keep = (s: ArchivedSource): void => {
      const analysis: SourceAnalysis = archivedAnalysis(s);
      const unit: SourceUnit = { ...analysis, sentenceIds: [] };
      this.analyses.set(s.id, unit);
      out.set(s.id, unit);
    };
    for (const row of rows) {
      if (out.has(row.id)) continue;
      const unit = this.analyses.get(row.id);
      const text = texts.get(row.id);
      if (unit) out.set(row.id, unit);
      else if (text !== undefined) keep({ id: row.id, hash: row.hash, analysis: JSON.parse(text) as SourceAnalysis });
      else if (!missing.includes(row.id)) missing.push(row.id);
    }
    if (missing.length === 0) return out;
    const loaded = await this.ws.ask('quote sources', token, (r) => r.load(missing));
    if (loaded === undefined) return undefined;
    for (const s of loaded) keep(s);
    return out;
  }

  /**
   * The hover for a name at the offset: the local card when the local sources know the actor, with the archive's
   * count added; else the archive's card (its mentions, the sources mentioning it most, its quotations there).
   */
  async hover(draft: DraftDocument, offset: number, local: Hover | null, token: Cancellation): Promise<Hover | null> {
    if (draft.excluded.some((s) => offset >= s.start && offset < s.end)) return local;
    const runs = nameRunsAt(draft.text, offset);
    if (runs.length === 0) return local;
    const keys = [...new Set(runs.map((r) => r.key))].sort();
    const cacheKey = keys.join('\u0001');
    let card = this.cards.get(cacheKey);
    if (card === undefined) {
      const found = await this.ws.ask('actor hover', token, (r) => r.actorCard(keys, CARD_SOURCES, CARD_FACET_SOURCES));
      if (found === undefined) return local;
      this.cards.set(cacheKey, (card = found));
    }
    if (card === null) return local;
    const value = local ? `${(local.contents as { value: string }).value}\n\n${archiveLine(card)}` : cardMarkdown(card);
    const run = runs.filter((r) => r.key === card.key).sort((a, b) => b.end - b.start - (a.end - a.start))[0] ?? runs[0];
    return { contents: { kind: MarkupKind.Markdown, value }, range: local?.range ?? rangeAt(draft, run.start, run.end) };
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Team archive: 12 mentions in 5 sources — `key` 4, …". */
function archiveLine(card: ActorCardRow): string {
  const listed = card.top.map((s) => `${inlineCode(s.key)} ${s.n}`).join(', ');
  const more = card.sources > card.top.length ? ', \u2026' : '';
  return `Team archive: ${plural(card.mentions, 'mention')} in ${plural(card.sources, 'source')} \u2014 ${listed}${more}`;
}

/** The roles the top sources give the actor, most often given first, each with the sources giving it. */
function roleLines(card: ActorCardRow): string[] {
  const roles = new Map<string, { title: string; affiliation: string | null; keys: string[] }>();
  for (const source of card.facets ?? [])
    for (const role of source.facets.flatMap((f) => f.roles ?? [])) {
      const id = `${role.title.toLowerCase()}\u0001${(role.affiliation ?? '').toLowerCase()}`;
      const entry = roles.get(id) ?? { title: role.title, affiliation: role.affiliation, keys: [] };
      if (!entry.keys.includes(source.key)) entry.keys.push(source.key);
      roles.set(id, entry);
    }
  return [...roles.values()]
    .sort((a, b) => b.keys.length - a.keys.length)
    .slice(0, CARD_ROLES)
    .map((r) => {
      const title = r.title.charAt(0).toUpperCase() + r.title.slice(1);
      const aff = r.affiliation ? ` (${r.affiliation})` : '';
      const listed = r.keys.slice(0, CARD_SOURCES).map(inlineCode).join(', ');
      return `- ${escapeMarkdown(title + aff)} \u2014 ${plural(r.keys.length, 'source')}: ${listed}${r.keys.length > CARD_SOURCES ? ', \u2026' : ''}`;
    });
}

/** Other names the sources use for the actor (their fuller names and aliases), most mentioning source first. */
function aliasesOf(card: ActorCardRow): string[] {
  const seen = new Set([card.name.toLowerCase()]);
  const out: string[] = [];
  for (const f of (card.facets ?? []).flatMap((source) => source.facets))
    for (const name of [f.name, ...(f.aliases ?? [])]) {
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push(name);
    }
  return out;
}

/** The card of an actor known only to the archive: name, type, roles, aliases, mentions, sources, quotations. */
function cardMarkdown(card: ActorCardRow): string {
  const lines = [`**${escapeMarkdown(card.name)}**`, '', `*${card.type}*`, ''];
  const keys = new Set(card.keys);
  const keyOf = new Map(card.top.map((s) => [String(s.id), s.key]));
  const roles = roleLines(card);
  if (roles.length) lines.push('Roles:', '', ...roles, '');
  const aliases = aliasesOf(card);
  if (aliases.length)
    lines.push(
      `Also: ${aliases.slice(0, CARD_ALIASES).map(escapeMarkdown).join(', ')}${aliases.length > CARD_ALIASES ? ', \u2026' : ''}`,
      '',
    );
  lines.push(archiveLine(card), '');
  const quotes = (card.quotes ?? []).filter((q) => keys.has(nameKey(q.speaker))).slice(0, CARD_QUOTES);
  if (quotes.length) {
    lines.push('Quotations:', '');
    for (const q of quotes)
      lines.push(`- \u201c${escapeMarkdown(shorten(q.text, 180))}\u201d ${inlineCode(keyOf.get(String(q.id)) ?? '')}`);
    lines.push('');
  }
  const titles = card.top.slice(0, 3).map((s) => `*${escapeMarkdown(s.title)}*${s.date ? ` (${s.date})` : ''}`);
  if (titles.length) lines.push(`Most mentioned in: ${titles.join('; ')}`);
  return lines.join('\n').trimEnd();
}
