import { getDocumentProxy } from 'unpdf';
import { cleanInline, isoDate } from './clean-text';
import { pdfBlocks, type PdfTextItem } from './pdf-layout';
import { withTitle } from './title-block';
import { emptyMetadata, type ReadResult, type SourceMetadata } from '../../domain/source-text';

/** Fewer non-space characters than this in the whole file: there is no text layer to read. */
const MIN_TEXT_CHARS = 20;
/** Pages read at most; a longer PDF is indexed up to here, with a note. */
const MAX_PAGES = 2000;

/** Whether `%%EOF` occurs in the last KB: a PDF cut short (an interrupted download) lacks it. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const v = info[key];
  return typeof v === 'string' ? cleanInline(v) || null : null;
}

function reasonOf(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'encrypted PDF (needs a password)';
  if (name === 'InvalidPDFException') return 'damaged PDF (invalid structure)';
  return `unreadable PDF (${err instanceof Error ? err.message : String(err)})`;
}

/** Reads a PDF's text layer with page numbers (pdf.js via unpdf) and its document info (title, author, date). */
export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  if (!hasEndMarker(bytes)) return { ok: false, reason: 'truncated PDF (no end-of-file marker)' };
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true });
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  }
  try {
    const pages: PdfTextItem[][] = [];
    const count = Math.min(doc.numPages, MAX_PAGES);
    for (let p = 1; p <= count; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.flatMap((i) => ('str' in i ? [i as PdfTextItem] : [])));
      page.cleanup();
    }
    const blocks = pdfBlocks(pages);
    const chars = blocks.reduce((n, b) => n + b.text.replace(/\s/g, '').length, 0);
    if (chars < MIN_TEXT_CHARS) return { ok: false, reason: 'scanned, no text (the PDF has no text layer)' };
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    const author = infoString(info, 'Author');
    const meta: SourceMetadata = {
      ...emptyMetadata(),
      title: infoString(info, 'Title'),
      authors: author ? author.split(/\s*(?:;|\band\b|&)\s*/).filter(Boolean) : [],
      date: isoDate(infoString(info, 'CreationDate')),
      language: infoString(info, 'Language'),
    };
    const note = doc.numPages > MAX_PAGES ? `only the first ${MAX_PAGES} of ${doc.numPages} pages indexed` : undefined;
    return { ok: true, source: { format: 'pdf', blocks: withTitle(meta.title, blocks), meta }, ...(note ? { note } : {}) };
  } catch (err) {
    return { ok: false, reason: reasonOf(err) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
