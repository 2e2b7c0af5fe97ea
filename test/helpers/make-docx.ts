/**
 * Writes small Word (.docx) files for the tests: paragraphs (optionally headings) and core properties
 * (title, author, created date), zipped with fflate. Enough of the format for Word and mammoth to read.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DocxSpec {
  /** Paragraphs; a paragraph starting with `# ` is a Heading 1. */
  paragraphs: string[];
  title?: string;
  author?: string;
  /** ISO date-time of creation. */
  created?: string;
  /** Extra entries (e.g. a huge one, for a zip bomb), name → bytes. */
  extra?: Record<string, Uint8Array>;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function paragraph(text: string): string {
  const heading = text.startsWith('# ');
  const style = heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
  return `<w:p>${style}<w:r><w:t xml:space="preserve">${xml(heading ? text.slice(2) : text)}</w:t></w:r></w:p>`;
}

/** The .docx bytes. */
export function makeDocx(spec: DocxSpec): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        spec.paragraphs.map(paragraph).join('') +
        '</w:body></w:document>',
    ),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        (spec.title ? `<dc:title>${xml(spec.title)}</dc:title>` : '') +
        (spec.author ? `<dc:creator>${xml(spec.author)}</dc:creator>` : '') +
        (spec.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${spec.created}</dcterms:created>` : '') +
        '</cp:coreProperties>',
    ),
    ...(spec.extra ?? {}),
  };
  return zipSync(files, { level: 9 });
}
