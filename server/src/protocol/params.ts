/**
 * Shape checks for request parameters. A client that sends a request without its parameters (or with the wrong
 * types) gets InvalidParams (-32602) naming what is missing, not an internal error from a handler that read a
 * field of undefined.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isPosition = (v: unknown): boolean => isObject(v) && Number.isInteger(v.line) && Number.isInteger(v.character);

/** What a request needs besides `textDocument.uri`. */
export interface Needs {
  position?: boolean;
  range?: boolean;
  context?: boolean;
}

/** InvalidParams naming the first missing or malformed field, or undefined when the parameters have the shape. */
export function invalidParams(p: unknown, needs: Needs = {}): ResponseError<void> | undefined {
  const fail = (what: string): ResponseError<void> => new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);
  if (!isObject(p)) return fail('no parameters');
  if (!isObject(p.textDocument) || typeof p.textDocument.uri !== 'string') return fail('textDocument.uri (a string) is required');
  if (needs.position && !isPosition(p.position)) return fail('position {line, character} is required');
  if (needs.range && !(isObject(p.range) && isPosition(p.range.start) && isPosition(p.range.end)))
    return fail('range {start, end} is required');
  if (needs.context && !(isObject(p.context) && Array.isArray(p.context.diagnostics)))
    return fail('context.diagnostics (an array) is required');
  return undefined;
}
