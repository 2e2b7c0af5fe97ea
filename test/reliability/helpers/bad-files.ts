/** Writes the bad source files of the reliability suite into a folder, with what the index should do with each. */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface BadFile {
  /** Path relative to the workspace folder. */
  rel: string;
  /** What it is. */
  what: string;
  /**
   * 'indexed' with the title the index must read (or its start, for a one-line file whose line is the title),
   * 'skipped' with a pattern the logged reason must match, or 'link': a symbolic link, listed but never followed,
   * so skipped with a reason matching the pattern (also when a watcher event names it).
   */
  expect: { indexed: string; prefix?: boolean } | { skipped: RegExp } | { link: RegExp };
}

const article = (title: string, eol = '\n'): string =>
  [
    title,
    '',
    'date 2024-03-05 LISBON: The harbour council met on Tuesday.',
    '',
    '"We will reopen the north quay in May," the harbour master said.',
    '',
  ].join(eol);

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

/** True when this process can read a chmod 000 file anyway (root): the unreadable case then cannot be produced. */
export const readsIgnorePermissions = (): boolean => process.getuid?.() === 0;

/** Creates every bad file under `workspace/src`; returns the table of expectations. */
export function writeBadFiles(workspace: string, limitKb: number): BadFile[] {
  const dir = path.join(workspace, 'src');
  mkdirSync(dir, { recursive: true });
  const files: BadFile[] = [];
  const put = (name: string, data: string | Buffer, what: string, expect: BadFile['expect']): void => {
    writeFileSync(path.join(dir, name), data);
    files.push({ rel: `src/${name}`, what, expect });
  };
  put('good.txt', article('Harbour council plain report'), 'a plain UTF-8 article', { indexed: 'Harbour council plain report' });
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
  put('binary.txt', binary, 'binary bytes with NULs', { skipped: /binary/ });
  put('image.txt', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), binary]), 'a PNG named .txt', {
    skipped: /binary/,
  });
  put('empty.txt', '', 'an empty file', { skipped: /empty/ });
  put('blank.txt', ' \n\t\n  \r\n', 'only whitespace', { skipped: /whitespace|no text/ });
  put('over-limit.txt', 'word '.repeat(Math.ceil(((limitKb + 64) * 1024) / 5)), `over the ${limitKb} KB limit`, { skipped: /larger than/ });
  put('latin1.txt', Buffer.from(article('Caf\u00e9 council Latin-1 report'), 'latin1'), 'invalid UTF-8 (Latin-1 bytes)', {
    indexed: 'Caf\u00e9 council Latin-1 report',
  });
  put('utf16le.txt', utf16(article('Harbour council sixteen little report'), false), 'UTF-16LE with a BOM', {
    indexed: 'Harbour council sixteen little report',
  });
  put('utf16be.txt', utf16(article('Harbour council sixteen big report'), true), 'UTF-16BE with a BOM', {
    indexed: 'Harbour council sixteen big report',
  });
  put(
    'utf8-bom.txt',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article('Harbour council bom report'))]),
    'UTF-8 with a BOM',
    { indexed: 'Harbour council bom report' },
  );
  put('crlf.txt', article('Harbour council crlf report', '\r\n'), 'CRLF line ends', { indexed: 'Harbour council crlf report' });
  put('cr.txt', article('Harbour council cr report', '\r'), 'CR line ends', { indexed: 'Harbour council cr report' });
  put(
    'one-line.txt',
    `Harbour council one line report ${'the council met again and said more. '.repeat(Math.floor(5_000_000 / 37))}`,
    'one 5 MB line',
    { indexed: 'Harbour council one line report', prefix: true },
  );

  symlinkSync('loop-b.txt', path.join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', path.join(dir, 'loop-b.txt'));
  for (const name of ['loop-a.txt', 'loop-b.txt'])
    files.push({ rel: `src/${name}`, what: 'a symbolic link loop', expect: { link: /symbolic link loop/ } });
  symlinkSync('..', path.join(dir, 'dir-loop'));
  files.push({ rel: 'src/dir-loop', what: 'a directory link to its parent', expect: { link: /not a regular file/ } });
  symlinkSync('/etc/hostname', path.join(dir, 'outside.txt'));
  files.push({ rel: 'src/outside.txt', what: 'a link to a file outside the workspace', expect: { link: /outside the workspace/ } });

  put(
    'unreadable.txt',
    article('Harbour council unreadable report'),
    'chmod 000',
    readsIgnorePermissions() ? { indexed: 'Harbour council unreadable report' } : { skipped: /permission denied/ },
  );
  chmodSync(path.join(dir, 'unreadable.txt'), 0o000);
  return files;
}
