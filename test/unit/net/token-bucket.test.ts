import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { delay } from '../../../src/net/clock.ts';
import { TokenBucket } from '../../../src/net/limiter/token-bucket.ts';
import { ManualClock } from '../../helpers/manual-clock.ts';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TokenBucket', () => {
  test('.acquire() - spends the burst at once, then paces at the rate', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ rate: 10, burst: 2, clock });
    await bucket.acquire();
    await bucket.acquire();
    let third = false;
    const pending = bucket.acquire().then(() => {
      third = true;
    });
    await flush();
    assert.equal(third, false, 'the burst is spent');
    clock.advance(99);
    await flush();
    assert.equal(third, false);
    clock.advance(1);
    await pending;
    assert.equal(third, true, 'one token per 100 ms at 10/s');
  });

  test('.acquire() - an aborted wait rejects with the reason and gives up its place', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ rate: 1, burst: 1, clock });
    await bucket.acquire();
    const controller = new AbortController();
    const first = bucket.acquire(controller.signal);
    const second = bucket.acquire();
    controller.abort(new Error('stop'));
    await assert.rejects(first, /stop/);
    assert.equal(bucket.state.waiting, 1);
    clock.advance(1000);
    await second;
    await assert.rejects(bucket.acquire(AbortSignal.abort(new Error('already'))), /already/);
  });

  test('.onThrottle() - drops the rate once for calls sent after the last drop', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ rate: 100, clock, decrease: 0.5 });
    const sentBefore = clock.now();
    clock.advance(10);
    bucket.onThrottle(sentBefore);
    assert.equal(bucket.state.rate, 50);
    bucket.onThrottle(sentBefore);
    assert.equal(bucket.state.rate, 50, 'a reply to a call sent at the old rate is no new signal');
    clock.advance(10);
    const sentAfter = clock.now();
    clock.advance(10);
    bucket.onThrottle(sentAfter);
    assert.equal(bucket.state.rate, 25);
    assert.equal(bucket.state.throttles, 3);
    assert.equal(bucket.state.lastThrottleRate, 50);
  });

  test('.onThrottle() - never below minRate; .onSuccess() never above maxRate', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ rate: 2, minRate: 1, maxRate: 3, increase: 1, clock });
    for (let i = 0; i < 10; i++) {
      clock.advance(1);
      bucket.onThrottle();
    }
    assert.equal(bucket.state.rate, 1);
    for (let i = 0; i < 100; i++) bucket.onSuccess();
    assert.equal(bucket.state.rate, 3);
  });

  test('.onSuccess() - grows by half per second far below the last throttling rate, by `increase` near it', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ rate: 100, increase: 10, decrease: 0.5, clock });
    clock.advance(1);
    bucket.onThrottle();
    assert.equal(bucket.state.rate, 50);
    for (let i = 0; i < 50; i++) bucket.onSuccess();
    assert.equal(bucket.state.rate, 75, 'a second of successes at 50/s: +50%');
    while (bucket.state.rate < 80) bucket.onSuccess();
    const near = bucket.state.rate;
    bucket.onSuccess();
    assert.ok(
      Math.abs(bucket.state.rate - near - 10 / near) < 1e-9,
      'within 80% of the ceiling: increase/rate',
    );
  });

  test('TokenBucket - under a hard server limit, settles near it with few throttles', async () => {
    const clock = new ManualClock();
    const LIMIT = 50;
    const LATENCY = 40;
    const DURATION = 60_000;
    // The server admits at most LIMIT requests in any 1 s window.
    const admitted: number[] = [];
    const serve = (at: number) => {
      while (admitted.length > 0 && (admitted[0] as number) <= at - 1000) admitted.shift();
      if (admitted.length >= LIMIT) return false;
      admitted.push(at);
      return true;
    };
    const bucket = new TokenBucket({ rate: 20, burst: 20, clock });
    let ok = 0;
    let throttled = 0;
    let okAfterWarmUp = 0;
    const client = async () => {
      while (clock.now() < DURATION) {
        await bucket.acquire();
        const sentAt = clock.now();
        await delay(clock, LATENCY / 2);
        const accepted = serve(clock.now());
        await delay(clock, LATENCY / 2);
        if (accepted) {
          ok++;
          if (sentAt >= 10_000) okAfterWarmUp++;
          bucket.onSuccess();
        } else {
          throttled++;
          bucket.onThrottle(sentAt);
        }
      }
    };
    let running = true;
    const clients = Promise.all(Array.from({ length: 16 }, client)).then(() => {
      running = false;
    });
    while (running) {
      clock.advance(1);
      await flush();
    }
    await clients;
    const achieved = okAfterWarmUp / ((DURATION - 10_000) / 1000);
    assert.ok(achieved >= LIMIT * 0.8, `achieved ${achieved.toFixed(1)}/s of a ${LIMIT}/s limit`);
    assert.ok(achieved <= LIMIT, 'the server never admits more than its limit');
    assert.ok(throttled / (ok + throttled) < 0.05, `throttled ${throttled} of ${ok + throttled}`);
  });
});
