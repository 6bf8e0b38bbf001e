import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiCallError } from '../../../src/core/errors.ts';
import { TokenBucket } from '../../../src/net/limiter/token-bucket.ts';
import { type CallOptions, callWithRetries } from '../../../src/net/retry.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';

const context = { provider: 'aws', scope: '111111111111/us-east-1', api: 'ec2:DescribeInstances' };

function counting() {
  const counts = { apiCalls: 0, retries: 0, throttled: 0 };
  return {
    counts,
    counters: {
      apiCall: () => void counts.apiCalls++,
      retry: () => void counts.retries++,
      throttled: () => void counts.throttled++,
    },
  };
}

function failing(errors: unknown[], value = 'done') {
  let calls = 0;
  return {
    calls: () => calls,
    call: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return value;
    },
  };
}

const status = (code: number, extra: object = {}) =>
  Object.assign(new Error(`HTTP ${code}`), { statusCode: code, ...extra });

/** Drives the clock until the promise settles, firing backoff timers as they are set. */
async function settle<T>(clock: ManualClock, promise: Promise<T>): Promise<T> {
  let done = false;
  const watched = promise.finally(() => {
    done = true;
  });
  watched.catch(() => {});
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(10);
  }
  return watched;
}

function options(clock: ManualClock, extra: Partial<CallOptions> = {}): CallOptions {
  return { signal: new AbortController().signal, clock, context, random: () => 1, ...extra };
}

test('callWithRetries() - transient faults are retried with backoff, then succeed', async () => {
  const clock = new ManualClock();
  const { counts, counters } = counting();
  const call = failing([status(500), status(503)]);
  const result = await settle(clock, callWithRetries(call.call, options(clock, { counters })));
  assert.equal(result, 'done');
  assert.deepEqual(counts, { apiCalls: 3, retries: 2, throttled: 0 });
  assert.ok(clock.now() >= 100 + 200, 'waited 100 then 200 ms (full jitter at its ceiling)');
});

test('callWithRetries() - gives up after maxAttempts with an ApiCallError naming kind, code and attempts', async () => {
  const clock = new ManualClock();
  const call = failing(Array.from({ length: 10 }, () => status(500)));
  const error = await settle(
    clock,
    callWithRetries(
      call.call,
      options(clock, {
        policy: { maxAttempts: 3, maxThrottledAttempts: 5, baseDelayMs: 10, maxDelayMs: 100 },
      }),
    ),
  ).catch((e: unknown) => e);
  assert.ok(error instanceof ApiCallError);
  assert.deepEqual(
    [error.kind, error.code, error.attempts, error.scope, error.api],
    ['transient', 'HTTP500', 3, '111111111111/us-east-1', 'ec2:DescribeInstances'],
  );
  assert.equal(call.calls(), 3);
});

test('callWithRetries() - denied and not-found fail at once, without retry', async () => {
  const clock = new ManualClock();
  for (const [error, kind] of [
    [Object.assign(new Error('no'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }), 'denied'],
    [
      Object.assign(new Error('gone'), { name: 'NoSuchBucketPolicy', $metadata: { httpStatusCode: 404 } }),
      'not-found',
    ],
  ] as const) {
    const call = failing([error]);
    const thrown = await callWithRetries(call.call, options(clock)).catch((e: unknown) => e);
    assert.equal((thrown as ApiCallError).kind, kind);
    assert.equal(call.calls(), 1);
  }
});

test('callWithRetries() - throttling waits at least Retry-After and slows the limiter', async () => {
  const clock = new ManualClock();
  const limiter = new TokenBucket({ rate: 100, burst: 10, clock, decrease: 0.5 });
  const { counts, counters } = counting();
  const busy = status(429, { headers: { 'retry-after': '2' } });
  const call = failing([busy]);
  const result = await settle(
    clock,
    callWithRetries(call.call, options(clock, { limiter, counters, random: () => 0 })),
  );
  assert.equal(result, 'done');
  assert.ok(clock.now() >= 2000, `waited ${clock.now()} ms for a Retry-After of 2 s`);
  assert.equal(limiter.state.throttles, 1);
  assert.ok(
    limiter.state.rate >= 50 && limiter.state.rate < 51,
    `halved, then one success: ${limiter.state.rate}`,
  );
  assert.deepEqual(counts, { apiCalls: 2, retries: 1, throttled: 1 });
});

test('callWithRetries() - an abort during backoff ends the call with the abort reason', async () => {
  const clock = new ManualClock();
  const controller = new AbortController();
  const call = failing([status(500), status(500)]);
  const pending = callWithRetries(call.call, options(clock, { signal: controller.signal }));
  await clock.whenTimers(1);
  controller.abort(new Error('scan timed out'));
  await assert.rejects(pending, /scan timed out/);
  assert.equal(call.calls(), 1);
});
