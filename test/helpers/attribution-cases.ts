/** One runner for the invented-article attribution cases: each case is its own one-source folder. */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { harness, speakerShown, type Harness } from './fixture';

export interface AttributionCase {
  kind: string;
  article: string;
  /** The first words of the quotation, as typed after `“`. */
  typed: string;
  speaker: string | null;
  /** The source's path (`.md`: headings are read as headings). */
  file?: string;
}

/** Registers one test per case: the quotation is offered and the completion shows `speaker`. */
export function runAttributionCases(cases: AttributionCase[]): void {
  const harnesses: Harness[] = [];
  before(async () => {
    for (const c of cases) harnesses.push(await harness({ [c.file ?? 'sources/article.txt']: c.article }));
  });
  for (const [i, c] of cases.entries()) {
    test(`attribution: ${c.kind}`, async () => {
      const shown = await speakerShown(harnesses[i], c.typed);
      assert.notEqual(shown, undefined, `the quotation “${c.typed}…” is offered`);
      assert.equal(shown, c.speaker);
    });
  }
}
