/** The key of a quotation's opening: its first two words, normalised. */
export function openingKey(ws: readonly string[]): string | null {
  return ws.length >= 2 ? `${ws[0]} ${ws[1]}` : null;
}
