import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressDisplay } from '../../../src/cli/progress-display.ts';
import { renderProgress } from '../../../src/output/progress.ts';

test('renderProgress() - one aligned line per provider with resources, calls in flight, throttles and errors', () => {
  const lines = renderProgress({
    aws: {
      state: 'running',
      resources: 12_345,
      apiCalls: 40,
      inFlight: 32,
      throttled: 3,
      errors: 0,
      elapsedMs: 2500,
    },
    gcp: { state: 'waiting', resources: 0, apiCalls: 0, inFlight: 0, throttled: 0, errors: 0, elapsedMs: 0 },
    kubernetes: {
      state: 'timed_out',
      resources: 7,
      apiCalls: 9,
      inFlight: 0,
      throttled: 0,
      errors: 1,
      elapsedMs: 1200,
    },
  });
  assert.deepEqual(lines, [
    'aws         running    2.50s  12,345 resources  32 in flight  3 throttled  0 errors',
    'gcp         waiting                0 resources   0 in flight  0 throttled  0 errors',
    'kubernetes  timed out  1.20s       7 resources   0 in flight  0 throttled  1 errors',
  ]);
});

test('ProgressDisplay - redraws its block in place and clears it', () => {
  let written = '';
  const display = new ProgressDisplay({
    write: (text: string) => {
      written += text;
    },
  } as never);
  display.update(['a', 'b']);
  assert.equal(written, '\u001b[2Ka\n\u001b[2Kb\n');
  written = '';
  display.update(['c', 'd']);
  assert.equal(written, '\u001b[2F\u001b[2Kc\n\u001b[2Kd\n', 'back up two lines, then rewrite them');
  written = '';
  display.clear();
  assert.equal(written, '\u001b[2F\u001b[0J');
  written = '';
  display.clear();
  assert.equal(written, '', 'nothing left to clear');
});
