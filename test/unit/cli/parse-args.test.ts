import assert from 'node:assert/strict';
import { test } from 'node:test';
import { optionsOf } from '../../../src/cli/options.ts';
import { parseArgs } from '../../../src/cli/parse-args.ts';
import { UsageError } from '../../../src/core/errors.ts';

const scan = optionsOf('scan');
const parse = (...args: string[]) => parseArgs(args, scan, 'scan');

function usageError(pattern: RegExp) {
  return (error: unknown) => error instanceof UsageError && pattern.test(error.message);
}

test('parseArgs() - booleans take --flag, --flag=true|false and --no-flag', () => {
  assert.equal(parse('--concurrent').values.concurrent, true);
  assert.equal(parse('--concurrent=false').values.concurrent, false);
  assert.equal(parse('--fail-on-error=true').values['fail-on-error'], true);
  assert.equal(parse('--no-fail-on-error').values['fail-on-error'], false);
  assert.throws(
    () => parse('--concurrent=maybe'),
    usageError(/--concurrent takes true or false, got "maybe"/),
  );
});

test('parseArgs() - values inline or separate, counts and durations checked', () => {
  const args = parse('--max-workers', '8', '--scan-timeout=1h30m', '-o', 'json', '--output-file=x.json');
  assert.equal(args.values['max-workers'], 8);
  assert.equal(args.values['scan-timeout'], 5_400_000);
  assert.equal(args.values.output, 'json');
  assert.equal(args.values['output-file'], 'x.json');
  assert.deepEqual([...args.given].sort(), ['max-workers', 'output', 'output-file', 'scan-timeout']);
  assert.throws(() => parse('--max-workers', '0'), usageError(/--max-workers .* got "0"/));
  assert.throws(() => parse('--max-workers', 'two'), usageError(/got "two"/));
  assert.throws(
    () => parse('--scan-timeout', '5 minutes'),
    usageError(/duration such as 90s.*got "5 minutes"/),
  );
  assert.throws(() => parse('--output', 'xml'), usageError(/one of table, json, yaml, ndjson, got "xml"/));
  assert.throws(() => parse('--max-workers'), usageError(/--max-workers needs a value/));
});

test('parseArgs() - repeatable flags accumulate, lists split on commas', () => {
  const args = parse('--provider', 'aws', '--provider=gcp,kubernetes', '--preferred-order', 'kubernetes,aws');
  assert.deepEqual(args.values.provider, ['aws', 'gcp', 'kubernetes']);
  assert.deepEqual(args.values['preferred-order'], ['kubernetes', 'aws']);
  assert.deepEqual(parse('--state', 'a.tfstate', '--state', 'b/*.tfstate').values.state, [
    'a.tfstate',
    'b/*.tfstate',
  ]);
});

test('parseArgs() - an unknown flag is named, with a suggestion', () => {
  assert.throws(
    () => parse('--max-worker', '3'),
    usageError(/unknown flag --max-worker .*did you mean --max-workers/),
  );
  assert.throws(() => parse('--frobnicate'), usageError(/unknown flag --frobnicate for "wgo scan"$/));
  assert.throws(() => parse('-z'), usageError(/unknown flag -z/));
  assert.throws(() => parseArgs(['--skip-merging'], optionsOf('validate'), 'validate'), UsageError);
});

test('parseArgs() - positionals are returned for the command to judge', () => {
  assert.deepEqual(parse('extra', '--quiet').positionals, ['extra']);
});
