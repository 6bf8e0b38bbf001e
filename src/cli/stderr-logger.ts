/**
 * The CLI's logger: one line per event on stderr. Debug lines only with WGO_DEBUG=true; with
 * --quiet only errors. Field values under secret-looking names are replaced, so a careless
 * caller cannot leak a credential through a log line.
 */

import type { LogFields, Logger, LogLevel } from '../core/logger.ts';
import { REDACTED } from '../core/resource.ts';
import { isSecretName } from '../core/secrets.ts';

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface StderrLoggerOptions {
  readonly write: (line: string) => void;
  readonly level: LogLevel;
}

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[\s"=]/.test(text ?? '') ? JSON.stringify(text) : String(text);
}

function formatFields(fields: LogFields): string {
  return Object.entries(fields)
    .map(([key, value]) => ` ${key}=${isSecretName(key) ? REDACTED : formatValue(value)}`)
    .join('');
}

/** A logger writing `wgo: level: message key=value` lines. */
export function stderrLogger(options: StderrLoggerOptions, bound: LogFields = {}): Logger {
  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    if (RANK[level] < RANK[options.level]) return;
    options.write(`wgo: ${level}: ${message}${formatFields({ ...bound, ...fields })}\n`);
  };
  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => stderrLogger(options, { ...bound, ...fields }),
  };
}
