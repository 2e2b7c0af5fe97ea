import type { TextEdit } from 'vscode-languageserver-types';
import type { CitationStyle } from '../../domain/config';
import type { DraftDocument } from '../drafts/draft-document';
import type { SourceUnit } from '../../store/source-store';
import { plainText } from '../../text/escape-markdown';
import { positionAt } from '../../text/line-index';

/** The in-text marker for a key: `[^key]` or `[@key]`. */
export function citationMarker(style: CitationStyle, key: string): string {
  return style === 'footnote' ? `[^${key}]` : `[@${key}]`;
}

/** A footnote definition: `[^key]: Title. Outlet, date. path/of/source.txt` (always with the path). */
export function footnoteDefinition(unit: SourceUnit, key: string): string {
  const { doc } = unit;
  const title = plainText(doc.title).replace(/[.\s]+$/, '');
  // A title that already ends a sentence ("…", "?", "!") takes no extra full stop.
  const titleEnd = /[!?\u2026]$/.test(title) ? '' : '.';
  const where = [doc.outlet, doc.date].filter(Boolean).join(', ');
  return `[^${key}]: ${title}${titleEnd}${where ? ` ${where}.` : ''} ${doc.path}`;
}

/** The edit that appends footnote definitions at the end of the draft, or null when there is nothing to add. */
export function appendDefinitionsEdit(draft: DraftDocument, definitions: string[]): TextEdit | null {
  if (definitions.length === 0) return null;
  const text = draft.text;
  const end = positionAt(draft.lineStarts, text.length);
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
  cited: { unit: SourceUnit; key: string }[],
  offset: number,
): TextEdit[] {
  const edits: TextEdit[] = [];
  const markers = cited.map((c) => citationMarker(style, c.key)).filter((m) => !draft.text.startsWith(m, offset));
  if (markers.length) {
    const at = positionAt(draft.lineStarts, offset);
    edits.push({ range: { start: at, end: at }, newText: markers.join('') });
  }
  if (style === 'footnote') {
    const defined = new Set(draft.footnoteDefinitions.map((d) => d.key));
    const definitions = cited.filter((c) => !defined.has(c.key)).map((c) => footnoteDefinition(c.unit, c.key));
    const append = appendDefinitionsEdit(draft, [...new Set(definitions)]);
    if (append) edits.push(append);
  }
  return edits;
}
