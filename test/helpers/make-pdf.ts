/**
 * Writes small PDFs for the tests with pdf-lib: each page is given as lines (an empty line ends a paragraph),
 * so a test decides where a line, a hyphenated word or a page breaks, and checks the reader against it.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface PdfSpec {
  /** Pages, each a list of lines; '' between paragraphs. */
  pages: string[][];
  title?: string;
  author?: string;
  /** Creation date. */
  date?: Date;
  /** Add an `/Encrypt` dictionary whose empty-password check fails: the file needs a password. */
  encrypted?: boolean;
}

const FONT_SIZE = 11;
const LEADING = 14;
const MARGIN = 72;

/** The PDF's bytes. */
export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of spec.pages) {
    const page = pdf.addPage([612, 792]);
    let y = 792 - MARGIN;
    for (const line of lines) {
      if (line === '') {
        y -= LEADING; // a blank line: the paragraph gap
        continue;
      }
      page.drawText(line, { x: MARGIN, y, size: FONT_SIZE, font });
      y -= LEADING;
    }
  }
  if (spec.title) pdf.setTitle(spec.title);
  if (spec.author) pdf.setAuthor(spec.author);
  if (spec.date) pdf.setCreationDate(spec.date);
  if (spec.encrypted) {
    const dict = pdf.context.obj({
      Filter: PDFName.of('Standard'),
      V: 1,
      R: 2,
      P: -44,
      O: PDFString.of('0123456789abcdef0123456789abcdef'),
      U: PDFString.of('fedcba9876543210fedcba9876543210'),
    });
    pdf.context.trailerInfo.Encrypt = pdf.context.register(dict);
    pdf.context.trailerInfo.ID = pdf.context.obj([PDFString.of('0123456789abcdef'), PDFString.of('0123456789abcdef')]);
  }
  return pdf.save({ useObjectStreams: false });
}

/** A PDF whose only page is an image-free empty page with a rectangle: no text layer, as a scan would have. */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  page.drawRectangle({ x: 72, y: 72, width: 400, height: 600 });
  return pdf.save();
}
