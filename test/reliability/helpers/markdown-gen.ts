/** Generated drafts and edits for the fuzzer: Markdown shapes filled with hostile Unicode. */
import type { Range } from 'vscode-languageserver-types';
import type { Rng } from './rng';

const WORDS = [
  'the',
  'minister',
  'said',
  'on',
  'Tuesday',
  'that',
  'talks',
  'would',
  'resume',
  'officials',
  'told',
  'reporters',
  'percent',
  '42',
  '1,200',
  'U.S.',
  'Dr.',
  'Sept.',
];
const UNICODE = [
  '\u{1F600}',
  '\u{1F469}\u200D\u{1F4BB}',
  '\u{1F1FA}\u{1F1F8}', // emoji, ZWJ sequence, flag
  '\u05E9\u05DC\u05D5\u05DD',
  '\u0645\u0631\u062D\u0628\u0627',
  '\u202E',
  '\u202D',
  '\u200F', // RTL text and overrides
  'e\u0301',
  'a\u0308\u0323',
  '\u0301',
  '\u0336\u0336\u0336', // combining marks (also leading)
  '\uD800',
  '\uDC00',
  '\uDBFF', // lone surrogates
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\uFEFF',
  '\uFFFD',
  '\u2028',
  '\u2029',
  '\u00A0',
  '\u200B',
  '\u201C',
  '\u201D',
  '\u2018',
  '\u2019',
  '\u00AB',
  '\u00BB',
  '"',
  "'",
  '`',
  '\r',
  '\r\n',
  '\t',
];
const SYNTAX = [
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '* ',
  '```',
  '~~~',
  '    ',
  '[^',
  ']',
  '[@',
  '](',
  ')',
  '![',
  '<',
  '>',
  '<!--',
  '-->',
  '|',
  '---',
  '***',
  '\\',
  '*',
  '_',
  '**',
  '[^k]: ',
  '[@k]',
  '<div>',
  '</div>',
  '&amp;',
  '&#x0;',
  '{{x}}',
  '${x}',
  '$(zap)',
];

/** A random "word": plain, Unicode-heavy or Markdown syntax. */
function token(rng: Rng): string {
  const r = rng.next();
  if (r < 0.55) return rng.pick(WORDS);
  if (r < 0.8) return rng.pick(UNICODE);
  return rng.pick(SYNTAX);
}

/** A random line of tokens; sometimes very long. */
function line(rng: Rng): string {
  const n = rng.chance(0.03) ? 2000 + rng.int(20000) : rng.int(25);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(token(rng));
  let text = parts.join(rng.chance(0.8) ? ' ' : '');
  if (rng.chance(0.2)) text = `\u201C${text}\u201D said the minister.`;
  if (rng.chance(0.1)) text += `[^${rng.pick(['k', 'missing', 'a b', '', '^'])}]`;
  return text;
}

/** A random Markdown draft. */
export function randomDraft(rng: Rng): string {
  const lines: string[] = [];
  const n = rng.chance(0.05) ? 0 : 1 + rng.int(40);
  for (let i = 0; i < n; i++) lines.push(rng.chance(0.2) ? '' : line(rng));
  const eol = rng.pick(['\n', '\n', '\r\n', '\r']);
  return lines.join(eol);
}

/** Line count and line lengths of a text, as LSP counts them (UTF-16, \r\n, \r and \n breaks). */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

/** A random position: usually inside, sometimes at or past the end of a line or the document. */
export function randomPosition(rng: Rng, text: string): { line: number; character: number } {
  const lengths = lineLengths(text);
  const r = rng.next();
  if (r < 0.08) return { line: lengths.length + rng.int(5), character: rng.int(10) };
  const line = rng.int(lengths.length);
  if (r < 0.16) return { line, character: lengths[line] + 1 + rng.int(1000) };
  return { line, character: rng.int(lengths[line] + 1) };
}

/** A random incremental change: insert, delete or replace, with ranges that may reach past the end. */
export function randomChange(rng: Rng, text: string): { range: Range; text: string } {
  const a = randomPosition(rng, text);
  const b = rng.chance(0.4) ? a : randomPosition(rng, text);
  const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
  const insert = rng.chance(0.3) ? '' : rng.chance(0.1) ? randomDraft(rng) : line(rng).slice(0, 1 + rng.int(60));
  return { range: { start, end }, text: insert };
}
