/** Pages of a paged source (PDF): `pageStarts[i]` is the text offset where page i + 2 begins. */

/** The page (1-based) of an offset in a document with page starts; null for an unpaged document. */
export function pageAt(pageStarts: readonly number[] | undefined, offset: number): number | null {
  if (!pageStarts) return null;
  let lo = 0;
  let hi = pageStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pageStarts[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}
