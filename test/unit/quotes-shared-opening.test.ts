/**
 * Openings shared by thousands of quotations: typing a quotation's first three (four) words finds it even when more
 * than the completion's scan limit of quotations open with the same two (three) words (the third and fourth words are
 * checked before any quotation is read). Runs on the store `SOURCED_TEST_STORE` selects.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionList } from 'vscode-languageserver-types';
import { harness } from '../helpers/fixture';

const SHARING = 2100;
const TARGET = 'It would be reckless to close the ferry before the new bridge opens';

/**
 * One source with many quotations that open "It would have …", each distinct, after one that opens as typed (so the
 * list is not empty and no fallback list is offered); the target comes last.
 */
function files(): Record<string, string> {
  const lines = ['Harbour board meeting', ''];
  for (let i = 0; i < SHARING; i++)
    lines.push(`"It would have cost ${i + 1} more crowns to repair pier ${i + 1} this year," the treasurer said.`, '');
  return {
    'a/agenda.txt': 'Agenda\n\n"It would be wise to wait for the inspectors," the chair said.\n',
    'a/board.txt': lines.join('\n'),
    'z/ferry.txt': `Ferry vote\n\n"${TARGET}," the harbour master said.\n`,
  };
}

test('a quotation is found by its first three words when thousands of others share its first two', async () => {
  const h = await harness(files());
  const { doc, position } = h.draftAt('At the meeting she said, "It would be|');
  const list = (await h.service.completion(doc, position)) as CompletionList;
  const labels = list.items.slice(0, 10).map((i) => String(i.label));
  assert.ok(
    labels.some((l) => l.startsWith('It would be reckless')),
    `the target among the first ten: ${labels.join(' | ')}`,
  );
  h.service.dispose();
});

/**
 * Many quotations opening "It would be the …", after one opening "It would be a"; the target, last, opens "It would
 * be a" too. Only function words are typed, so the target can only come from the openings.
 */
function sharingThree(): Record<string, string> {
  const lines = ['Harbour board minutes', ''];
  for (let i = 0; i < SHARING; i++) lines.push(`"It would be the costliest repair of pier ${i + 1} this year," the treasurer said.`, '');
  return {
    'a/agenda.txt': 'Agenda\n\n"It would be a pity to wait for the inspectors," the chair said.\n',
    'a/minutes.txt': lines.join('\n'),
    'z/ferry.txt': `Ferry vote\n\n"${FOURTH_TARGET}," the harbour master said.\n`,
  };
}

const FOURTH_TARGET = 'It would be a mistake to close the ferry before the new bridge opens';

test('a quotation is found by its first four words when thousands of others share its first three', async () => {
  const h = await harness(sharingThree());
  const { doc, position } = h.draftAt('At the meeting she said, "It would be a|');
  const list = (await h.service.completion(doc, position)) as CompletionList;
  const labels = list.items.slice(0, 10).map((i) => String(i.label));
  assert.ok(
    labels.some((l) => l.startsWith('It would be a mistake')),
    `the target among the first ten: ${labels.join(' | ')}`,
  );
  h.service.dispose();
});

/**
 * Many quotations over two paragraphs whose second paragraph opens "It would be the …", then the target opening
 * "It would be a": the later parts are passed over by their own third and fourth words too.
 */
function sharingInLaterParts(): Record<string, string> {
  const lines = ['Harbour board minutes', ''];
  for (let i = 0; i < SHARING; i++)
    lines.push(
      `"We met the board about pier ${i + 1} today.`,
      '',
      `"It would be the costliest repair of pier ${i + 1} this year," the treasurer said.`,
      '',
    );
  return {
    'a/agenda.txt': 'Agenda\n\n"It would be a pity to wait for the inspectors," the chair said.\n',
    'a/minutes.txt': lines.join('\n'),
    'z/ferry.txt': `Ferry vote\n\n"${FOURTH_TARGET}," the harbour master said.\n`,
  };
}

test('a quotation is found by its first four words when thousands of quotations over paragraphs open a later part with its first three', async () => {
  const h = await harness(sharingInLaterParts());
  const { doc, position } = h.draftAt('At the meeting she said, "It would be a|');
  const list = (await h.service.completion(doc, position)) as CompletionList;
  const labels = list.items.slice(0, 10).map((i) => String(i.label));
  assert.ok(
    labels.some((l) => l.startsWith('It would be a mistake')),
    `the target among the first ten: ${labels.join(' | ')}`,
  );
  h.service.dispose();
});
