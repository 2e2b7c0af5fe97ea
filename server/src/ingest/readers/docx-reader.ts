import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { cleanInline, isoDate } from './clean-text';
import { htmlBlocks } from './html-blocks';
import { emptyMetadata, type ReadLimits, type ReadResult, type SourceMetadata } from '../../domain/source-text';
import { withTitle } from './title-block';

const CORE_XML = 'docProps/core.xml';
const DOCUMENT_XML = 'word/document.xml';
/** Entries a Word file may hold; far more is not a document but an attack on the reader. */
const MAX_ENTRIES = 5000;

interface ZipSurvey {
  entries: number;
  expanded: number;
  hasDocument: boolean;
  core: string | null;
}

/**
 * Reads the ZIP's directory (declared sizes, no inflation) and inflates only the core properties; throws
 * a reason when the archive would expand past the limit (a zip bomb) or holds too many entries.
 */
function surveyZip(bytes: Uint8Array, maxExpanded: number): ZipSurvey {
  const survey: ZipSurvey = { entries: 0, expanded: 0, hasDocument: false, core: null };
  const files = unzipSync(bytes, {
    filter: (file) => {
      survey.entries++;
      survey.expanded += file.originalSize;
      if (survey.entries > MAX_ENTRIES) throw new Error(`not a Word document (more than ${MAX_ENTRIES} parts)`);
      if (survey.expanded > maxExpanded) {
        throw new Error(`zip bomb: expands to more than ${Math.round(maxExpanded / 1048576)} MB`);
      }
      if (file.name === DOCUMENT_XML) survey.hasDocument = true;
      return file.name === CORE_XML && file.originalSize < 1048576;
    },
  });
  const core = files[CORE_XML];
  survey.core = core ? new TextDecoder('utf-8').decode(core) : null;
  return survey;
}

/** Text of the first `<prefix:name>` element of the core properties, entities decoded by the XML parser. */
function coreField(core: ReturnType<typeof parseHTML>['document'], name: string): string | null {
  const el = core.getElementsByTagName(name)[0];
  return el ? cleanInline(el.textContent ?? '') || null : null;
}

/** Title, author and date from `docProps/core.xml`. */
function coreMetadata(xml: string | null): SourceMetadata {
  const meta = emptyMetadata();
  if (!xml) return meta;
  const { document } = parseHTML(`<html><body>${xml.replace(/<\?xml[^>]*\?>/, '')}</body></html>`);
  const creator = coreField(document, 'dc:creator');
  meta.title = coreField(document, 'dc:title');
  meta.authors = creator ? creator.split(/\s*;\s*/).filter(Boolean) : [];
  meta.date = isoDate(coreField(document, 'dcterms:created') ?? coreField(document, 'dcterms:modified'));
  meta.language = coreField(document, 'dc:language');
  return meta;
}

/** Reads a Word document: its text with mammoth (headings kept), its core properties for title, author and date. */
export async function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<ReadResult> {
  let survey: ZipSurvey;
  try {
    survey = surveyZip(bytes, limits.maxExpandedBytes);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: /zip bomb|not a Word/.test(message) ? message : `damaged Word document (${message})` };
  }
  if (!survey.hasDocument) return { ok: false, reason: 'named .docx but not a Word document (no word/document.xml)' };
  let html: string;
  try {
    // mammoth's Node build takes a Buffer (a view of the same bytes, not a copy).
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (err) {
    return { ok: false, reason: `damaged Word document (${err instanceof Error ? err.message : String(err)})` };
  }
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const blocks = htmlBlocks(document.body);
  if (blocks.length === 0) return { ok: false, reason: 'no text in the Word document' };
  const meta = coreMetadata(survey.core);
  return { ok: true, source: { format: 'docx', blocks: withTitle(meta.title, blocks), meta } };
}
