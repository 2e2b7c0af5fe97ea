import { decodeSource } from './decode-source';
import { readDocx } from './docx-reader';
import { readHtml } from './html-reader';
import { readPdf } from './pdf-reader';
import { contentMismatch, formatOfPath } from './sniff-format';
import type { ReadLimits, SourceText } from '../../domain/source-text';

/** A file's content as the indexer takes it: plain text (parsed by parse-source), or a reader's blocks. */
export type FileRead = { ok: true; text: string; source?: SourceText; note?: string } | { ok: false; reason: string };

/** The text of a reader's blocks as the document will hold it (used for the content hash). */
export function blocksText(source: SourceText): string {
  return source.blocks.map((b) => b.text).join('\n\n');
}

/**
 * Reads one file's bytes by its format: chosen by extension, checked by content (a mismatch is skipped
 * with the reason). Never throws: a reader's failure is a reason.
 */
export async function readSourceFile(path: string, bytes: Uint8Array, limits: ReadLimits): Promise<FileRead> {
  const format = formatOfPath(path) ?? 'text';
  if (format === 'text') return decodeSource(bytes, limits.maxBytes);
  if (bytes.length > limits.maxBytes) {
    return {
      ok: false,
      reason: `larger than sourced.corpus.maxFileSizeKb (${Math.round(bytes.length / 1024)} KB > ${Math.round(limits.maxBytes / 1024)} KB)`,
    };
  }
  const mismatch = contentMismatch(format, bytes);
  if (mismatch) return { ok: false, reason: mismatch };
  try {
    const result = format === 'html' ? readHtml(bytes) : format === 'pdf' ? await readPdf(bytes) : await readDocx(bytes, limits);
    if (!result.ok) return result;
    return { ok: true, text: blocksText(result.source), source: result.source, ...(result.note ? { note: result.note } : {}) };
  } catch (err) {
    return { ok: false, reason: `${format.toUpperCase()} reader failed (${err instanceof Error ? err.message : String(err)})` };
  }
}
