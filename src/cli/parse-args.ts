/**
 * Parsing argv against the option table. Every mistake is a `UsageError` naming the flag and the
 * bad value.
 */
import { parseDuration } from '../core/duration.ts';
import { UsageError } from '../core/errors.ts';
import type { OptionSpec } from './options.ts';

/** Parsed values by long option name, plus which ones the user gave. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, boolean | string | number | string[]>>;
  /** Names given on the command line (so they override the config file). */
  readonly given: ReadonlySet<string>;
  readonly positionals: readonly string[];
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}

function suggestion(name: string, specs: readonly OptionSpec[]): string {
  const best = specs.map((spec) => ({ spec, d: distance(name, spec.name) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? ` (did you mean --${best.spec.name}?)` : '';
}

function convert(spec: OptionSpec, raw: string): boolean | string | number | string[] {
  const flag = `--${spec.name}`;
  switch (spec.kind) {
    case 'boolean':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw new UsageError(`${flag} takes true or false, got "${raw}"`);
    case 'count': {
      const value = Number(raw);
      if (!/^\d+$/.test(raw) || value < 1)
        throw new UsageError(`${flag} takes a whole number of at least 1, got "${raw}"`);
      return value;
    }
    case 'duration': {
      const ms = parseDuration(raw);
      if (ms === undefined || ms <= 0)
        throw new UsageError(`${flag} takes a duration such as 90s, 5m or 1h30m, got "${raw}"`);
      return ms;
    }
    case 'list': {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      if (items.length === 0) throw new UsageError(`${flag} needs a value`);
      return items;
    }
    case 'string':
      if (spec.choices && !spec.choices.includes(raw)) {
        throw new UsageError(`${flag} must be one of ${spec.choices.join(', ')}, got "${raw}"`);
      }
      return raw;
  }
}

/**
 * Parses `args` (after the command name).
 *
 * @example parseArgs(['--max-workers', '8', '--no-concurrent'], specs)
 */
export function parseArgs(
  args: readonly string[],
  specs: readonly OptionSpec[],
  command: string,
): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const byShort = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short as string, spec]));
  const values: Record<string, boolean | string | number | string[]> = {};
  const given = new Set<string>();
  const positionals: string[] = [];

  const set = (spec: OptionSpec, value: boolean | string | number | string[]) => {
    if (given.has(spec.name) && spec.repeatable) {
      const previous = values[spec.name];
      const add = Array.isArray(value) ? value : [String(value)];
      values[spec.name] = [...(Array.isArray(previous) ? previous : [String(previous)]), ...add];
    } else {
      values[spec.name] = spec.repeatable && !Array.isArray(value) ? [String(value)] : value;
    }
    given.add(spec.name);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let negated = false;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec && name.startsWith('no-')) {
        const positive = byName.get(name.slice(3));
        if (positive?.kind === 'boolean') {
          spec = positive;
          negated = true;
        }
      }
      if (!spec)
        throw new UsageError(`unknown flag --${name} for "wgo ${command}"${suggestion(name, specs)}`);
      if (negated && inline !== undefined) throw new UsageError(`--no-${spec.name} takes no value`);
    } else if (/^-[a-zA-Z]/.test(arg)) {
      spec = byShort.get(arg.slice(1, 2));
      if (!spec) throw new UsageError(`unknown flag ${arg.slice(0, 2)} for "wgo ${command}"`);
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, '');
    } else {
      positionals.push(arg);
      continue;
    }

    if (spec.kind === 'boolean') {
      set(spec, negated ? false : inline === undefined ? true : convert(spec, inline));
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(
          `--${spec.name} needs a value${spec.placeholder ? ` (${spec.placeholder})` : ''}`,
        );
      }
      raw = next;
      i++;
    }
    set(spec, convert(spec, raw));
  }
  return { values, given, positionals };
}
