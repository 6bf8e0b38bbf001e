/**
 * Finding, reading and validating the config file. A mistake is reported as one line with the
 * file, line and column and the setting's path: `config.yaml:4:5: scan.maxWorkers must be >= 1`.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import type { WgoConfig } from './config-types.ts';

/** Where the config file is looked for, and whether it must exist. */
export interface ConfigLocation {
  readonly path: string;
  /** True when the user named the file (`--config`, `WGO_CONFIG`): then it must exist. */
  readonly explicit: boolean;
}

/** `--config`, else `WGO_CONFIG`, else `$WGO_HOME/config.yaml` (`~/.wgo/config.yaml`). */
export function configLocation(flag: string | undefined, env: NodeJS.ProcessEnv): ConfigLocation {
  if (flag) return { path: flag, explicit: true };
  if (env.WGO_CONFIG) return { path: env.WGO_CONFIG, explicit: true };
  return { path: join(wgoHome(env), 'config.yaml'), explicit: false };
}

/** `WGO_HOME`, default `~/.wgo`. */
export function wgoHome(env: NodeJS.ProcessEnv): string {
  return env.WGO_HOME || join(homedir(), '.wgo');
}

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

/** Reads the config at `location`; a missing default file is an empty config. */
export async function loadConfig(location: ConfigLocation): Promise<WgoConfig> {
  let text: string;
  try {
    text = await readFile(location.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !location.explicit) return {};
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new ConfigError(`${location.path}: cannot read config file: ${reason}`, { file: location.path });
  }
  return parseConfig(text, location.path);
}
