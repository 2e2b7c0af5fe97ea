import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../server/src/ingest/readers/decode-source';

const MAX = 1024 * 1024;
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

test('decode-source: table of bad and odd inputs', () => {
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Caf\u00e9 ok', 'utf16le')]);
  const utf16be = Buffer.from([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
  const table: { name: string; input: Uint8Array; text?: string; reason?: RegExp }[] = [
    { name: 'plain UTF-8', input: bytes('Hello \u201cworld\u201d'), text: 'Hello \u201cworld\u201d' },
    { name: 'UTF-8 BOM is dropped', input: bytes([0xef, 0xbb, 0xbf], 'Hi'), text: 'Hi' },
    { name: 'UTF-16LE with BOM', input: utf16le, text: 'Caf\u00e9 ok' },
    { name: 'UTF-16BE with BOM', input: utf16be, text: 'Hi' },
    { name: 'CRLF kept as is', input: bytes('a\r\nb'), text: 'a\r\nb' },
    { name: 'invalid UTF-8 falls back to Windows-1252', input: bytes('caf', [0xe9]), text: 'caf\u00e9' },
    { name: 'empty', input: new Uint8Array(0), reason: /empty/ },
    { name: 'whitespace only', input: bytes('  \n\n '), reason: /no text/ },
    { name: 'binary with NUL', input: bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), reason: /binary/ },
    { name: 'too large', input: new Uint8Array(MAX + 1).fill(0x41), reason: /larger than/ },
  ];
  for (const c of table) {
    const r = decodeSource(c.input, MAX);
    if (c.text !== undefined) {
      assert.ok(r.ok, `${c.name}: should decode`);
      if (r.ok) assert.equal(r.text, c.text, c.name);
    } else {
      assert.ok(!r.ok, `${c.name}: should be skipped`);
      if (!r.ok) assert.match(r.reason, c.reason!, c.name);
    }
  }
});
