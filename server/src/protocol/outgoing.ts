/**
 * The last step before a result goes to the client: every string loses its bidi and zero-width control
 * characters (they come from untrusted sources), and in a draft that uses CRLF every inserted text does too.
 */
import { lineBreakOf, stripInvisibleControls, withCrlf } from '../text/invisible-controls';

/** Fields holding text that is inserted into the document. */
const INSERTED = new Set(['newText', 'insertText']);

/** A copy of `value` with its strings cleaned; `eol` is the line break of the document the edits go to. */
function clean(value: unknown, eol: '\n' | '\r\n', key = ''): unknown {
  if (typeof value === 'string') {
    const stripped = stripInvisibleControls(value);
    return eol === '\r\n' && INSERTED.has(key) ? withCrlf(stripped) : stripped;
  }
  if (Array.isArray(value)) return value.map((v) => clean(v, eol));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clean(v, eol, k);
    return out;
  }
  return value;
}

/** The result as sent: control characters stripped, inserted text in the document's line breaks. */
export function outgoing<T>(result: T, documentText?: string): T {
  return clean(result, documentText === undefined ? '\n' : lineBreakOf(documentText)) as T;
}
