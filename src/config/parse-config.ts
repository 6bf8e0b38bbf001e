/**
 * Parsing and validating config text. A mistake is reported as one line with the file, line and
 * column and the setting's path: `config.yaml:4:5: scan.maxWorkers must be >= 1`.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import type { WgoConfig } from './config-types.ts';

const validate = new Ajv({ allErrors: true, strict: true }).compile<WgoConfig>(CONFIG_SCHEMA);

/** The error's place in the file and its one-line text, e.g. `scan.maxWorkers must be >= 1`. */
function explain(error: ErrorObject): { path: string[]; text: string } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const label = path.join('.');
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    return { path: [...path, key], text: `${label ? `${label}: ` : ''}unknown setting "${key}"` };
  }
  const reason =
    error.keyword === 'enum'
      ? `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
      : (error.message ?? 'is invalid');
  return { path, text: label ? `${label} ${reason}` : reason };
}

function position(document: Document, lines: LineCounter, path: string[]): string {
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0];
  if (offset === undefined) return '';
  const { line, col } = lines.linePos(offset);
  return `:${line}:${col}`;
}

/** Parses and validates config text; `file` names it in errors. */
export function parseConfig(text: string, file: string): WgoConfig {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new ConfigError(`${file}:${line}:${col}: invalid YAML: ${syntax.message.split('\n', 1)[0]}`, {
      file,
    });
  }
  const value: unknown = document.toJS() ?? {};
  if (!isMap(document.contents) && document.contents !== null) {
    throw new ConfigError(`${file}: the config must be a mapping of settings`, { file });
  }
  if (validate(value)) return value;
  const { path, text: problem } = explain(validate.errors?.[0] as ErrorObject);
  throw new ConfigError(`${file}${position(document, lines, path)}: ${problem}`, { file });
}
