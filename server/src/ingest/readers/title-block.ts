import type { TextBlock } from '../../domain/source-text';

const key = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The blocks led by the document's title, once: a first block that repeats the title is dropped. */
export function withTitle(title: string | null, blocks: TextBlock[]): TextBlock[] {
  if (!title) return blocks;
  const first = blocks[0];
  const rest = first && key(first.text) === key(title) ? blocks.slice(1) : blocks;
  return [{ text: title, kind: 'title', ...(first?.page !== undefined ? { page: 1 } : {}) }, ...rest];
}
