import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scanExitCode } from '../../../src/cli/exit-codes.ts';
import type { ProviderResult, ProviderStatus } from '../../../src/core/snapshot.ts';

function result(status: ProviderStatus, code?: string): ProviderResult {
  return {
    status,
    durationMs: 1,
    resources: {},
    apiCalls: 0,
    retries: 0,
    throttled: 0,
    errors: code ? [{ scope: 'x', api: 'collect', code, message: 'm' }] : [],
  };
}

function summary(providerResults: Record<string, ProviderResult>, stoppedBy?: 'fail-on-error' | 'signal') {
  return { providerResults, totalDurationMs: 1, efficiencyRatio: 1, ...(stoppedBy ? { stoppedBy } : {}) };
}

test('scanExitCode() - 0 ok, 1 incomplete, 3 fail-on-error, 130 interrupted', () => {
  assert.equal(scanExitCode(summary({ a: result('ok'), b: result('skipped', 'skipped') })), 0);
  for (const status of ['partial', 'failed', 'timed_out'] as const) {
    assert.equal(scanExitCode(summary({ a: result('ok'), b: result(status, 'e') })), 1, status);
  }
  assert.equal(scanExitCode(summary({ a: result('failed', 'e') }, 'fail-on-error')), 3);
  assert.equal(scanExitCode(summary({ a: result('cancelled', 'cancelled') }, 'signal')), 130);
});

test('scanExitCode() - 2 only when every provider failed on its configuration (nothing scanned)', () => {
  assert.equal(scanExitCode(summary({ gcp: result('failed', 'config') })), 2);
  assert.equal(
    scanExitCode(summary({ gcp: result('failed', 'config'), kubernetes: result('failed', 'config') })),
    2,
  );
  assert.equal(
    scanExitCode(summary({ gcp: result('failed', 'config'), aws: result('ok') })),
    1,
    'AWS was scanned',
  );
});
