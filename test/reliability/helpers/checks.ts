/** Property checks shared by the reliability tests: ranges inside documents, safe Markdown, server health. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Range } from 'vscode-languageserver-types';
import { lineLengths } from './markdown-gen';

/** Why a range does not lie inside a text with these line lengths, or null when it does. */
export function rangeProblem(range: Range | undefined, lengths: number[]): string | null {
  if (!range || !range.start || !range.end) return 'missing range';
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `bad position ${JSON.stringify(p)}`;
    if (p.line >= lengths.length) return `line ${p.line} past the last line ${lengths.length - 1}`;
    if (p.character > lengths[p.line]) return `character ${p.character} past the end of line ${p.line} (length ${lengths[p.line]})`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character))
    return `start after end ${JSON.stringify(range)}`;
  return null;
}

interface Located {
  uri: string;
  range: Range;
}

/** Every (uri, range) a response carries, whatever the request: edits, locations, symbols, diagnostics. */
export function rangesIn(value: unknown, uri: string): Located[] {
  const out: Located[] = [];
  const visit = (v: unknown, current: string): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, current);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    const here = typeof o.uri === 'string' ? o.uri : typeof o.targetUri === 'string' ? o.targetUri : current;
    for (const key of ['range', 'selectionRange', 'targetRange', 'targetSelectionRange', 'insert', 'replace']) {
      const r = o[key] as Range | undefined;
      if (r && typeof r === 'object' && 'start' in r) out.push({ uri: here, range: r });
    }
    for (const [key, child] of Object.entries(o)) {
      if (key === 'changes' && child && typeof child === 'object') {
        for (const [u, edits] of Object.entries(child as Record<string, unknown>)) visit(edits, u);
      } else if (key === 'documentChanges' && Array.isArray(child)) {
        for (const c of child as { textDocument?: { uri: string }; edits?: unknown }[]) visit(c.edits, c.textDocument?.uri ?? here);
      } else if (key === 'data') {
        continue; // opaque to the client
      } else if (
        child &&
        typeof child === 'object' &&
        !['range', 'selectionRange', 'targetRange', 'targetSelectionRange', 'insert', 'replace'].includes(key)
      ) {
        visit(child, here);
      }
    }
  };
  visit(value, uri);
  return out;
}

/** Checks every range in a response against the texts it refers to (null: not checkable, skipped); returns the problems found. */
export function checkRanges(value: unknown, uri: string, textOf: (uri: string) => string | undefined | null): string[] {
  const problems: string[] = [];
  for (const { uri: u, range } of rangesIn(value, uri)) {
    const text = textOf(u);
    if (text === null) continue;
    if (text === undefined) {
      problems.push(`range in unknown document ${u}`);
      continue;
    }
    const problem = rangeProblem(range, lineLengths(text));
    if (problem) problems.push(`${u}: ${problem}`);
  }
  return problems;
}

/** Every Markdown string a response would render: hover contents, completion documentation, MarkupContent anywhere. */
export function markdownIn(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (key === 'contents' || key === 'documentation' || key === 'markdown') out.push(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v) visit(x, key);
      return;
    }
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.kind === 'markdown' && typeof o.value === 'string') out.push(o.value);
    else if (typeof o.language === 'string' && typeof o.value === 'string') return; // a code block: shown verbatim
    for (const [k, child] of Object.entries(o)) if (k !== 'data') visit(child, k);
  };
  visit(value, '');
  return out;
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  children?: MdNode[];
}

/** What is unsafe in a Markdown string as an editor would render it: raw HTML, images, links other than file: ones, command: URIs. */
export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const walk = (node: MdNode): void => {
    if (node.type === 'html') problems.push(`raw HTML ${JSON.stringify(node.value)}`);
    if (node.type === 'image' || node.type === 'imageReference') problems.push(`image ${JSON.stringify(node.url ?? '')}`);
    if (node.type === 'link' || node.type === 'definition') {
      const url = node.url ?? '';
      if (/^\s*command:/i.test(url)) problems.push(`command link ${JSON.stringify(url)}`);
      else if (!/^file:/i.test(url)) problems.push(`link to ${JSON.stringify(url)}`);
    }
    if (node.type === 'linkReference') problems.push('link reference');
    for (const c of node.children ?? []) walk(c);
  };
  walk(fromMarkdown(markdown));
  return problems;
}

/** The text a Markdown string shows once rendered (text and code spans), to check poisoned text is shown, not obeyed. */
export function renderedText(markdown: string): string {
  const parts: string[] = [];
  const walk = (node: MdNode): void => {
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.value) parts.push(node.value);
    for (const c of node.children ?? []) walk(c);
  };
  walk(fromMarkdown(markdown));
  return parts.join(' ');
}

/** Plain strings (labels, messages, titles) must not carry control characters or line breaks that would garble a list. */
export function plainProblems(text: string): string[] {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? [`control character in ${JSON.stringify(text.slice(0, 80))}`] : [];
}

/** Log lines that mean the server hit a bug it swallowed (guarded requests log "<name> failed for …"). */
export function isBugLog(line: string): boolean {
  return /failed for |uncaught|unhandled rejection|indexing failed|listener failed|analysis failed/i.test(line);
}

/** A diagnostic without the document version it carries in `data` (an edited copy is at a later version by design). */
export function withoutVersion(d: unknown): unknown {
  const { data, ...rest } = d as { data?: { version?: number } };
  if (!data || typeof data !== 'object') return rest;
  const { version: _version, ...kept } = data;
  return { ...rest, data: kept };
}
