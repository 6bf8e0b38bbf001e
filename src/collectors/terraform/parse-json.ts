/**
 * JSON parsing with errors that say where the text breaks, and nothing of what it says there:
 * V8's messages can quote the source around the error, which may be a secret.
 */
import { StateFormatError } from '../../core/errors.ts';

const POSITION = /\bat position (\d+)/;
const END_OF_INPUT = /Unexpected end of JSON input/;

/** Line and column (both from 1) of a UTF-16 offset. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function describeSyntaxError(text: string, message: string): string {
  const match = POSITION.exec(message);
  const offset = match ? Number(match[1]) : END_OF_INPUT.test(message) ? text.length : undefined;
  if (offset === undefined) return 'invalid JSON (an unexpected token; the parser gave no position)';
  const end = text.trimEnd().length;
  if (offset >= end) return `truncated JSON: the text ends at ${lineAndColumn(text, end)} inside a value`;
  return `invalid JSON at ${lineAndColumn(text, offset)} (offset ${offset})`;
}

/**
 * `JSON.parse` that throws a `corrupt-state` StateFormatError naming the line and column where
 * the text stops being JSON, or saying that it is truncated.
 */
export function parseStateJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new StateFormatError('corrupt-state', describeSyntaxError(text, error.message));
  }
}
