/**
 * Which of a claim's terms a candidate passage (a sentence and its two neighbours) holds, read from the passage
 * index's postings instead of the sentences' text: the re-rank of a 5,000-word draft looks at thousands of
 * candidate passages, and reading each one's source from the store (a persistent store decodes the whole source) to
 * tokenise three sentences was most of what a claim cost beyond its search. The postings hold exactly the terms
 * the sentence was indexed with, the same `terms()` the text would give.
 */
import type { SourceReads, SourceUnit } from '../../store/source-store';

/** Where a passage holds a term: in its own sentence, only in a neighbour, or not at all. */
export type Held = 'own' | 'near' | 'none';

/** A candidate passage: the sentence (source, index, passage id) and its neighbours' ids. */
export interface PassageAt {
  unit: SourceUnit;
  index: number;
  id: number;
}

/** A lookup of terms in one passage; each term's answer is kept (the re-rank asks some terms twice). */
export function passageTerms(sources: SourceReads, at: PassageAt): (term: string) => Held {
  const index = sources.sentences;
  const before = sources.sentenceId(at.unit, at.index - 1);
  const after = sources.sentenceId(at.unit, at.index + 1);
  const seen = new Map<string, Held>();
  return (term) => {
    let held = seen.get(term);
    if (held === undefined) {
      held = index.contains(term, at.id)
        ? 'own'
        : (before !== undefined && index.contains(term, before)) || (after !== undefined && index.contains(term, after))
          ? 'near'
          : 'none';
      seen.set(term, held);
    }
    return held;
  };
}
