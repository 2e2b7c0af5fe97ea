/** The archive's pure pieces: password redaction, tsquery building from untrusted text, hover name keys, CLI arguments. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactMessage, redactUrl, urlPassword } from '../../server/src/store/postgres/redact';
import { passageQuery, quoteQuery } from '../../server/src/store/postgres/archive-queries';
import { nameKeysAt } from '../../server/src/service/archive-names';
import { parseArchiveArgs } from '../../server/src/cli/archive-args';
import { UsageError } from '../../server/src/cli/usage-error';

test('redaction: passwords in URLs and keyword strings never survive', () => {
  const cases: [string, string][] = [
    ['postgresql://alice:s3cr%40t@db:5432/x', 'postgresql://alice:***@db:5432/x'],
    ['postgres://bob@db/x', 'postgres://bob@db/x'],
    ['connect failed for postgresql://u:pw@h/db: timeout', 'connect failed for postgresql://u:***@h/db: timeout'],
    ["host=db password='a b c' user=u", 'host=db password=*** user=u'],
  ];
  for (const [input, want] of cases) assert.equal(redactUrl(input), want);
  assert.equal(urlPassword('postgresql://alice:s3cr%40t@db/x'), 's3cr@t');
  assert.equal(urlPassword('postgresql://alice@db/x'), null);
  assert.equal(redactMessage('password authentication failed: s3cr@t', ['s3cr@t']), 'password authentication failed: ***');
});

test('quote tsquery: content words, the unfinished last word as a prefix, no operators from the text', () => {
  const cases: [string, string | null][] = [
    ['we will not back', 'not & back:*'],
    ['we will not back ', 'not & back'],
    ['The economy is growi', 'economy & growi:*'],
    ["don't | stop & (go)! ", 'don & stop & go'],
    ['the', 'the:*'],
    ['it is a', 'it & is'],
    ['', null],
    ['\u201c  ', null],
  ];
  for (const [typed, want] of cases) assert.equal(quoteQuery(typed), want, typed);
});

test('passage tsquery: any two of the most distinctive words (figures first)', () => {
  assert.equal(
    passageQuery('Profits fell 40% in the quarter'),
    '(40 & profits) | (40 & quarter) | (40 & fell) | (profits & quarter) | (profits & fell) | (quarter & fell)',
  );
  assert.equal(passageQuery('It was.'), null);
  // A one-digit figure is in almost every source: not a distinctive word.
  assert.equal(passageQuery('Section 1 covers ministers'), '(ministers & section) | (ministers & covers) | (section & covers)');
  assert.equal(passageQuery('Ministers resigned'), '(ministers & resigned)');
});

test('hover name keys: capitalised runs through the word under the cursor', () => {
  const text = 'Yesterday Maria Lopez-Diaz arrived.';
  const keys = nameKeysAt(text, text.indexOf('Lopez') + 2);
  assert.ok(keys.includes('maria lopez diaz'), JSON.stringify(keys));
  assert.ok(keys.includes('lopez diaz'), JSON.stringify(keys));
  assert.deepEqual(nameKeysAt('the minister arrived', 5), []);
});

test('archive arguments: URL from --url or SOURCED_ARCHIVE_URL, clear usage errors', () => {
  assert.equal(parseArchiveArgs(['status'], { SOURCED_ARCHIVE_URL: 'postgresql://h/db' }).url, 'postgresql://h/db');
  const bad: [string[], RegExp][] = [
    [['status'], /no archive given/],
    [['ingest', '--url', 'postgresql://h/db'], /needs files/],
    [['grant', '--url', 'postgresql://h/db'], /--reader/],
    [['status', '--url', 'mysql://h/db'], /postgresql:\/\//],
    [['ingest', '--url', 'postgresql://h/db', '--jobs', '0', 'x'], /--jobs/],
    [['purge', '--url', 'postgresql://h/db'], /unknown archive command/],
  ];
  for (const [argv, re] of bad)
    assert.throws(
      () => parseArchiveArgs(argv, {}),
      (e: unknown) => e instanceof UsageError && re.test(e.message),
      argv.join(' '),
    );
});
