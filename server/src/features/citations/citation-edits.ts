import type { TextEdit } from 'vscode-languageserver-types';
import type { CitationStyle } from '../../domain/config';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceUnit } from '../../store/source-store';
import { plainText } from '../../text/escape-markdown';
import { positionAt } from '../../text/line-index';

/** The in-text marker for a key: `[^key]` or `[@key]`, with Pandoc's page locator for a PDF passage: `[@key, p. 2]`. */
export function citationMarker(style: CitationStyle, key: string, page?: number | null): string {
  if (style === 'footnote') return `[^${key}]`;
  return page ? `[@${key}, p. ${page}]` : `[@${key}]`;
}

/** Authors as a writer lists them: "A", "A and B", "A, B and C". */
function authorList(authors: readonly string[] | undefined): string {
  const names = (authors ?? []).map(plainText).filter(Boolean);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A footnote definition as a writer gives it: `[^key]: Author. Title. Outlet, date. URL, p. 2. path/of/source`
 * (author, URL and page when known; always with the path).
 */
export function footnoteDefinition(unit: SourceUnit, key: string, page?: number | null): string {
  const { doc } = unit;
  const title = plainText(doc.title).replace(/[.\s]+$/, '');
  // A title that already ends a sentence ("…", "?", "!") takes no extra full stop.
  const titleEnd = /[!?\u2026]$/.test(title) ? '' : '.';
  const authors = authorList(doc.authors);
  const outlet = doc.outlet && !(doc.authors ?? []).includes(doc.outlet) ? doc.outlet : null;
  const where = [outlet, doc.date].filter(Boolean).join(', ');
  const locator = [doc.url, page ? `p. ${page}` : null].filter(Boolean).join(', ');
  return `[^${key}]: ${authors ? `${authors.replace(/\.$/, '')}. ` : ''}${title}${titleEnd}${where ? ` ${where}.` : ''}${locator ? ` ${locator}.` : ''} ${doc.path}`;
}

/** The edit that appends footnote definitions at the end of the draft, or null when there is nothing to add. */
export function appendDefinitionsEdit(draft: DraftDocument, definitions: string[]): TextEdit | null {
  if (definitions.length === 0) return null;
  const text = draft.text;
  const end = positionAt(draft, text.length);
  const trimmed = text.replace(/\s+$/, '');
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  const afterDefinition = /^\[\^[^\]]+\]:/.test(lastLine);
  const lead = text.length === 0 ? '' : text.endsWith('\n') ? (afterDefinition ? '' : '\n') : afterDefinition ? '\n' : '\n\n';
  return { range: { start: end, end }, newText: lead + definitions.join('\n') + '\n' };
}

/**
 * Edits that cite `units` at `offset`: the marker(s) there and, in footnote
 * style, a definition for each key the draft does not define yet. Applying
 * the result to a draft that already cites the key at that place adds nothing.
 */
export function citationEdits(
  draft: DraftDocument,
  style: CitationStyle,
  cited: { unit: SourceUnit; key: string; page?: number | null }[],
  offset: number,
): TextEdit[] {
  const edits: TextEdit[] = [];
  const markers = cited.map((c) => citationMarker(style, c.key, c.page)).filter((m) => !draft.text.startsWith(m, offset));
  if (markers.length) {
    const at = positionAt(draft, offset);
    edits.push({ range: { start: at, end: at }, newText: markers.join('') });
  }
  if (style === 'footnote') {
    const defined = new Set(draft.footnoteDefinitions.map((d) => d.key));
    const definitions = cited.filter((c) => !defined.has(c.key)).map((c) => footnoteDefinition(c.unit, c.key, c.page));
    const append = appendDefinitionsEdit(draft, [...new Set(definitions)]);
    if (append) edits.push(append);
  }
  return edits;
}
