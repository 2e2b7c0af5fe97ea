/**
 * Pathological Markdown drafts, shared by the reliability suite and `npm run bench -- --adversarial`:
 * every shape of cmark's test/pathological_tests.py (CommonMark's own suite, run there in linear time),
 * the shapes that stalled the server in issue 13, and other adversarial inputs (deep nesting, a 1 MB line,
 * unmatched markers, many definitions, a huge table, mixed line ends).
 */

export interface PathologicalDraft {
  name: string;
  /** Where the shape comes from: `cmark` (pathological_tests.py), `issue` (measured in issue 13), `extra`. */
  origin: 'cmark' | 'issue' | 'extra';
  text: string;
}

const times = (s: string, n: number): string => s.repeat(n);
const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('');

/**
 * The shapes at `scale` (1 = the sizes the bench uses, about 6 KB–1 MB each; the tests use smaller scales).
 * Repetition counts are rounded so that every shape keeps its structure at any scale.
 */
export function pathologicalDrafts(scale = 1): PathologicalDraft[] {
  const n = (count: number): number => Math.max(10, Math.round(count * scale));
  return [
    // cmark test/pathological_tests.py (their counts are 50,000–65,000; ours are sized to about 100 KB).
    { name: 'nested strong emph', origin: 'cmark', text: times('*a **a ', n(7000)) + 'b' + times(' a** a*', n(7000)) },
    { name: 'emph closers, no openers', origin: 'cmark', text: times('a_ ', n(33000)) },
    { name: 'emph openers, no closers', origin: 'cmark', text: times('_a ', n(33000)) },
    { name: 'link closers, no openers', origin: 'cmark', text: times('a]', n(50000)) },
    { name: 'link openers, no closers', origin: 'cmark', text: times('[a', n(50000)) },
    { name: 'mismatched openers and closers', origin: 'cmark', text: times('*a_ ', n(25000)) },
    { name: 'openers and closers multiple of 3', origin: 'cmark', text: 'a**b' + times('c* ', n(33000)) },
    { name: 'link openers and emph closers', origin: 'cmark', text: times('[ a_', n(25000)) },
    { name: 'hard link/emph case', origin: 'cmark', text: times('**x [a*b**c*](d)\n\n', n(5000)) },
    { name: 'nested brackets', origin: 'cmark', text: times('[', n(50000)) + 'a' + times(']', n(50000)) },
    { name: 'nested block quotes', origin: 'cmark', text: times('> ', n(50000)) + 'a' },
    {
      name: 'deeply nested lists',
      origin: 'cmark',
      text: lines(Math.max(10, Math.round(300 * Math.sqrt(scale))), (i) => `${'  '.repeat(i)}* a\n`),
    },
    { name: 'U+0000 in input', origin: 'cmark', text: times('abc\u0000de\u0000 ', n(10000)) },
    { name: 'backticks', origin: 'cmark', text: lines(Math.max(10, Math.round(450 * Math.sqrt(scale))), (i) => 'e' + '`'.repeat(i + 1)) },
    { name: 'unclosed links A', origin: 'cmark', text: times('[a](<b', n(16000)) },
    { name: 'unclosed links B', origin: 'cmark', text: times('[a](b', n(20000)) },
    { name: 'many references', origin: 'cmark', text: lines(n(10000), (i) => `[${i + 1}]: u\n`) + times('[0] ', n(5000)) },
    // Issue 13's measured shapes.
    { name: '.[@ repeated', origin: 'issue', text: times('.[@', n(2000)) },
    { name: '[ repeated', origin: 'issue', text: times('[', n(100000)) },
    { name: '"- " repeated (nested list)', origin: 'issue', text: times('- ', n(10000)) },
    { name: '> repeated (nested quote)', origin: 'issue', text: times('>', n(10000)) },
    { name: '`a` repeated', origin: 'issue', text: times('`a` ', n(25000)) },
    { name: '<!-- repeated', origin: 'issue', text: times('<!--', n(25000)) },
    { name: '[^1] repeated', origin: 'issue', text: times('[^1]', n(20000)) },
    // Other adversarial drafts.
    { name: 'deep emphasis nesting', origin: 'extra', text: times('*', n(20000)) + 'a' + times('*', n(20000)) },
    { name: 'deep link nesting', origin: 'extra', text: times('[a ', n(15000)) + 'b' + times('](u)', n(15000)) },
    { name: '1 MB line without spaces', origin: 'extra', text: times('abcdefghij', n(100000)) },
    { name: 'unmatched quote marks', origin: 'extra', text: times('word " ', n(15000)) },
    { name: 'unmatched curly quotes', origin: 'extra', text: times('\u201cword ', n(15000)) },
    { name: 'unmatched emphasis markers', origin: 'extra', text: times('*', n(100000)) },
    { name: 'unmatched brackets with citations', origin: 'extra', text: times('[see @a ', n(12000)) },
    {
      name: 'link reference definitions',
      origin: 'extra',
      text: lines(n(5000), (i) => `[ref${i}]: https://example.org/${i} "Title ${i}"\n`),
    },
    {
      name: 'footnote definitions',
      origin: 'extra',
      text: lines(n(4000), (i) => `Claim ${i} was made.[^n${i}]\n\n[^n${i}]: Source ${i}.\n\n`),
    },
    {
      name: 'huge table',
      origin: 'extra',
      text: '| a | b | c |\n|---|---|---|\n' + lines(n(5000), (i) => `| ${i} | cell "q${i}" | [^${i}] |\n`),
    },
    {
      name: 'mixed CRLF',
      origin: 'extra',
      text: lines(n(2000), (i) => `The minister said "it rose ${i} per cent" today.${i % 2 ? '\r\n' : '\n'}${i % 3 ? '\r' : ''}\n`),
    },
  ];
}
