import type { Position, Range } from 'vscode-languageserver-types';

/** Offsets where each line starts; "\r\n", "\n" and "\r" all end a line, as in LSP. */
export function computeLineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
}

/** A text with its line starts (a draft document is one). */
export interface LineMap {
  readonly text: string;
  readonly lineStarts: Uint32Array;
}

/** Offset where a line's content ends, before its terminator. */
function contentEnd(lines: LineMap, line: number): number {
  if (line + 1 >= lines.lineStarts.length) return lines.text.length;
  let end = lines.lineStarts[line + 1];
  if (lines.text.charCodeAt(end - 1) === 10) end--;
  if (lines.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** LSP position (UTF-16 code units) of an offset; an offset inside a line terminator ("\r|\n") maps to the line's end. */
export function positionAt(lines: LineMap, offset: number): Position {
  const starts = lines.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.min(offset, contentEnd(lines, lo)) - starts[lo] };
}

/** LSP range of an offset span. */
export function rangeAt(lines: LineMap, start: number, end: number): Range {
  return { start: positionAt(lines, start), end: positionAt(lines, end) };
}

/** Offset of an LSP position, clamped to the text (positions past a line's end go to the line's end). */
export function offsetAt(lineStarts: Uint32Array, textLength: number, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return textLength;
  const start = lineStarts[position.line];
  const nextStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : textLength;
  return Math.max(start, Math.min(start + Math.max(0, position.character), nextStart));
}
