import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, ProviderError, ProviderSkipped, UsageError } from '../../../src/core/errors.ts';
import { delay } from '../../../src/net/clock.ts';
import type { TokenBucket } from '../../../src/net/limiter/token-bucket.ts';
import type { Collector } from '../../../src/scanner/collector.ts';
import { ConcurrentScanner } from '../../../src/scanner/concurrent-scanner.ts';
import type { ProviderProgress } from '../../../src/scanner/scan-types.ts';
import { deferred, ManualClock } from '../../helpers/manual-clock.ts';
import { fakeResource } from '../../helpers/resources.ts';

/** Emits `count` resources and finishes. */
function emitting(provider: string, count: number): Collector {
  return {
    async collect(_config, ctx) {
      ctx.emit(Array.from({ length: count }, (_, i) => fakeResource(provider, `${i}`)));
    },
  };
}

/** Takes `ms` of the given clock, honouring its signal. */
function taking(clock: ManualClock, ms: number, provider: string): Collector {
  return {
    async collect(_config, ctx) {
      ctx.emit([fakeResource(provider, 'a')]);
      await delay(clock, ms, ctx.signal);
    },
  };
}

/** Records start order and concurrency; each provider waits for its gate. */
function gated(names: string[]) {
  const gates = new Map(names.map((name) => [name, deferred()]));
  const started: string[] = [];
  const startedSignal = new Map(names.map((name) => [name, deferred()]));
  let active = 0;
  let maxActive = 0;
  const collector = (name: string): Collector => ({
    async collect(_config, ctx) {
      started.push(name);
      active++;
      maxActive = Math.max(maxActive, active);
      startedSignal.get(name)?.resolve();
      try {
        await gates.get(name)?.promise;
        ctx.emit([fakeResource(name, 'x')]);
      } finally {
        active--;
      }
    },
  });
  return { gates, started, startedSignal, collector, maxActive: () => maxActive };
}

function providersOf(...names: string[]) {
  return Object.fromEntries(names.map((name) => [name, {}]));
}

describe('ConcurrentScanner', () => {
  test('.scanAllProviders() - merges every provider into one snapshot sorted by uid', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('b', emitting('b', 3));
    scanner.registerProvider('a', emitting('a', 2));
    const result = await scanner.scanAllProviders({ providers: providersOf('a', 'b') });
    const uids = result.snapshot?.resources.map((r) => r.uid);
    assert.deepEqual(uids, ['a://0', 'a://1', 'b://0', 'b://1', 'b://2']);
    assert.equal(result.snapshot?.incomplete, false);
    assert.deepEqual(Object.keys(result.providerResults), ['a', 'b']);
    assert.equal(result.providerResults.b?.status, 'ok');
    assert.deepEqual(result.providerResults.b?.resources, { b_thing: 3 });
  });

  test('.scanAllProviders() - at most maxWorkers providers run at once', async () => {
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    const g = gated(names);
    const scanner = new ConcurrentScanner({ maxWorkers: 2 });
    for (const name of names) scanner.registerProvider(name, g.collector(name));
    const scan = scanner.scanAllProviders({ providers: providersOf(...names) });
    await g.startedSignal.get('p2')?.promise;
    assert.deepEqual(g.started, ['p1', 'p2'], 'only two slots are filled');
    g.gates.get('p1')?.resolve();
    await g.startedSignal.get('p3')?.promise;
    assert.deepEqual(g.started, ['p1', 'p2', 'p3']);
    for (const gate of g.gates.values()) gate.resolve();
    const result = await scan;
    assert.equal(g.maxActive(), 2);
    assert.equal(result.snapshot?.resources.length, 5);
  });

  test('.scanAllProviders() - preferredOrder starts first, the rest alphabetically', async () => {
    const names = ['aws', 'gcp', 'kubernetes', 'terraform'];
    const g = gated(names);
    const scanner = new ConcurrentScanner({ maxWorkers: 1 });
    for (const name of names) scanner.registerProvider(name, g.collector(name));
    for (const gate of g.gates.values()) gate.resolve();
    await scanner.scanAllProviders({
      providers: providersOf(...names),
      preferredOrder: ['terraform', 'gcp'],
    });
    assert.deepEqual(g.started, ['terraform', 'gcp', 'aws', 'kubernetes']);
  });

  test('.scanAllProviders() - an unknown name in preferredOrder or providers is a usage error', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('a', emitting('a', 1));
    await assert.rejects(
      scanner.scanAllProviders({ providers: providersOf('a'), preferredOrder: ['nope'] }),
      (error: unknown) => error instanceof UsageError && /"nope"/.test(error.message),
    );
    await assert.rejects(scanner.scanAllProviders({ providers: providersOf('zz') }), UsageError);
  });

  test('.scanAllProviders() - a timed-out provider keeps what it collected', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ timeout: 1000, clock });
    const collected = deferred();
    scanner.registerProvider('slow', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('slow', '1'), fakeResource('slow', '2')]);
        collected.resolve();
        await delay(clock, 60_000, ctx.signal);
        ctx.emit([fakeResource('slow', 'never')]);
      },
    });
    scanner.registerProvider('fast', emitting('fast', 1));
    const fastEnded = deferred();
    const scan = scanner.scanAllProviders(
      { providers: providersOf('slow', 'fast') },
      {
        onEvent: (event) => event.type === 'provider-end' && event.provider === 'fast' && fastEnded.resolve(),
      },
    );
    await Promise.all([collected.promise, fastEnded.promise]);
    clock.advance(1000);
    const result = await scan;
    assert.equal(result.providerResults.slow?.status, 'timed_out');
    assert.equal(result.providerResults.slow?.errors[0]?.code, 'timeout');
    assert.equal(result.providerResults.fast?.status, 'ok');
    assert.deepEqual(
      result.snapshot?.resources.map((r) => r.uid),
      ['fast://0', 'slow://1', 'slow://2'],
    );
    assert.equal(result.snapshot?.incomplete, true);
  });

  test('.scanAllProviders() - a hung collector that ignores its signal does not hang the scan', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ timeout: 500, clock });
    const entered = deferred();
    let lateEmit: (() => void) | undefined;
    scanner.registerProvider('hung', {
      collect(_config, ctx) {
        ctx.emit([fakeResource('hung', 'early')]);
        lateEmit = () => ctx.emit([fakeResource('hung', 'late')]);
        entered.resolve();
        return new Promise(() => {});
      },
    });
    const scan = scanner.scanAllProviders({ providers: providersOf('hung') });
    await entered.promise;
    await clock.whenTimers(1);
    clock.advance(500);
    const result = await scan;
    assert.equal(result.providerResults.hung?.status, 'timed_out');
    lateEmit?.();
    assert.deepEqual(
      result.snapshot?.resources.map((r) => r.uid),
      ['hung://early'],
    );
  });

  test('.scanAllProviders() - the timeout counts from the provider start, not its wait for a slot', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ maxWorkers: 1, timeout: 1000, clock });
    scanner.registerProvider('a', taking(clock, 800, 'a'));
    scanner.registerProvider('b', taking(clock, 800, 'b'));
    const scan = scanner.scanAllProviders({ providers: providersOf('a', 'b') });
    await clock.whenTimers(2);
    clock.advance(800);
    await clock.whenTimers(2);
    clock.advance(800);
    const result = await scan;
    assert.equal(result.providerResults.a?.status, 'ok');
    assert.equal(result.providerResults.b?.status, 'ok', 'b waited 800 but ran only 800 of its 1000');
  });

  test('.scanAllProviders() - without failOnError a failure is recorded and the scan goes on', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('bad', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('bad', 'kept')]);
        throw new ProviderError('AccessDenied', 'not allowed', {
          provider: 'bad',
          scope: 'us-east-1',
          api: 'ec2:DescribeInstances',
        });
      },
    });
    scanner.registerProvider('good', emitting('good', 2));
    const result = await scanner.scanAllProviders({ providers: providersOf('bad', 'good') });
    assert.equal(result.providerResults.bad?.status, 'failed');
    assert.deepEqual(result.providerResults.bad?.errors, [
      { scope: 'us-east-1', api: 'ec2:DescribeInstances', code: 'AccessDenied', message: 'not allowed' },
    ]);
    assert.equal(result.providerResults.good?.status, 'ok');
    assert.equal(result.snapshot?.resources.length, 3, 'the failed provider keeps what it emitted');
    assert.equal(result.stoppedBy, undefined);
  });

  test('.scanAllProviders() - a run that breaks outside its collector is recorded as failed, not dropped', async () => {
    const log = {
      debug(message: string, fields?: Record<string, unknown>) {
        if (message === 'provider started' && fields?.provider === 'odd') throw new Error('log sink full');
      },
      info() {},
      warn() {},
      error() {},
      child() {
        return log;
      },
    };
    const scanner = new ConcurrentScanner({ log });
    scanner.registerProvider('odd', emitting('odd', 1));
    scanner.registerProvider('good', emitting('good', 2));
    const result = await scanner.scanAllProviders({ providers: providersOf('odd', 'good') });
    assert.equal(result.providerResults.odd?.status, 'failed');
    assert.match(result.providerResults.odd?.errors[0]?.message ?? '', /log sink full/);
    assert.equal(result.providerResults.good?.status, 'ok');
    assert.equal(result.snapshot?.incomplete, true);
  });

  test('.scanAllProviders() - a reported error makes the provider partial and keeps the rest', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('p', {
      async collect(_config, ctx) {
        ctx.reportError({
          scope: 'eu-west-1',
          api: 'rds:DescribeDBInstances',
          code: 'AccessDenied',
          message: 'no',
        });
        ctx.emit([fakeResource('p', '1')]);
      },
    });
    const result = await scanner.scanAllProviders({ providers: providersOf('p') });
    assert.equal(result.providerResults.p?.status, 'partial');
    assert.equal(result.snapshot?.resources.length, 1);
    assert.equal(result.snapshot?.incomplete, true);
  });

  test('.scanAllProviders() - failOnError cancels running and waiting providers and keeps what was collected', async () => {
    const scanner = new ConcurrentScanner({ maxWorkers: 2 });
    const slowStarted = deferred();
    scanner.registerProvider('a-fails', {
      async collect(_config, ctx) {
        await slowStarted.promise;
        ctx.emit([fakeResource('a-fails', 'kept')]);
        throw new Error('boom');
      },
    });
    scanner.registerProvider('b-slow', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('b-slow', 'kept')]);
        slowStarted.resolve();
        await new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
        );
      },
    });
    scanner.registerProvider('c-waiting', emitting('c-waiting', 1));
    const result = await scanner.scanAllProviders({
      providers: providersOf('a-fails', 'b-slow', 'c-waiting'),
      failOnError: true,
    });
    assert.equal(result.stoppedBy, 'fail-on-error');
    assert.equal(result.providerResults['a-fails']?.status, 'failed');
    assert.equal(result.providerResults['b-slow']?.status, 'cancelled');
    assert.equal(result.providerResults['c-waiting']?.status, 'cancelled');
    assert.equal(result.providerResults['c-waiting']?.durationMs, 0);
    assert.match(
      result.providerResults['b-slow']?.errors[0]?.message ?? '',
      /a-fails failed and fail-on-error/,
    );
    assert.equal(result.snapshot?.incomplete, true);
    assert.deepEqual(
      result.snapshot?.resources.map((r) => r.uid),
      ['a-fails://kept', 'b-slow://kept'],
    );
  });

  test('.scanAllProviders() - an aborted signal cancels the scan and returns what was collected', async () => {
    const scanner = new ConcurrentScanner();
    const controller = new AbortController();
    scanner.registerProvider('p', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('p', '1')]);
        controller.abort();
        await delay(new ManualClock(), 1000, ctx.signal);
      },
    });
    const result = await scanner.scanAllProviders(
      { providers: providersOf('p') },
      { signal: controller.signal },
    );
    assert.equal(result.stoppedBy, 'signal');
    assert.equal(result.providerResults.p?.status, 'cancelled');
    assert.equal(result.snapshot?.resources.length, 1);
  });

  test('.scanAllProviders() - ProviderSkipped ends the provider as skipped', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('none', {
      async collect() {
        throw new ProviderSkipped('no configuration found');
      },
    });
    const result = await scanner.scanAllProviders({ providers: providersOf('none') });
    assert.equal(result.providerResults.none?.status, 'skipped');
    assert.equal(result.providerResults.none?.errors[0]?.message, 'no configuration found');
  });

  test('.scanAllProviders() - a ConfigError fails its provider only; the others are kept', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('bad', {
      async collect() {
        throw new ConfigError('creds.json: not valid JSON', { file: 'creds.json' });
      },
    });
    scanner.registerProvider('good', emitting('good', 2));
    const result = await scanner.scanAllProviders({ providers: providersOf('bad', 'good'), maxWorkers: 2 });
    assert.equal(result.providerResults.bad?.status, 'failed');
    assert.deepEqual(result.providerResults.bad?.errors, [
      { scope: 'bad', api: 'collect', code: 'config', message: 'creds.json: not valid JSON' },
    ]);
    assert.equal(result.providerResults.good?.status, 'ok');
    assert.equal(result.snapshot?.resources.length, 2);
  });

  test('.scanAllProviders() - a ConfigError from checkConfig stops the scan before any provider starts', async () => {
    const scanner = new ConcurrentScanner();
    let collected = 0;
    scanner.registerProvider('fine', {
      async collect() {
        collected++;
      },
    });
    scanner.registerProvider('broken', {
      async checkConfig(config) {
        if (config.config?.file === 'bad.yaml') throw new ConfigError('bad.yaml: invalid YAML');
      },
      async collect() {
        collected++;
      },
    });
    await assert.rejects(
      scanner.scanAllProviders({ providers: { fine: {}, broken: { config: { file: 'bad.yaml' } } } }),
      (error: unknown) => error instanceof ConfigError && error.message === 'bad.yaml: invalid YAML',
    );
    assert.equal(collected, 0);
    const ok = await scanner.scanAllProviders({
      providers: { fine: {}, broken: { config: { file: 'ok.yaml' } } },
    });
    assert.equal(collected, 2);
    assert.equal(ok.snapshot?.incomplete, false);
  });

  test('.scanAllProviders() - skipMerging returns each provider its own snapshot', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('a', emitting('a', 2));
    scanner.registerProvider('b', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('b', '0', { uid: 'a://0' })]);
      },
    });
    const merged = await scanner.scanAllProviders({ providers: providersOf('a', 'b') });
    assert.equal(merged.snapshot?.resources.length, 2, 'merged: the shared uid is one resource');
    assert.deepEqual(merged.snapshot?.resources[0]?.sources, ['a', 'b']);
    const separate = await scanner.scanAllProviders({ providers: providersOf('a', 'b'), skipMerging: true });
    assert.equal(separate.snapshot, undefined);
    assert.equal(separate.snapshots?.a?.resources.length, 2);
    assert.equal(separate.snapshots?.b?.resources.length, 1);
    assert.deepEqual(Object.keys(separate.snapshots?.b?.providers ?? {}), ['b']);
  });

  test('.scanAllProviders() - type filters drop excluded types', async () => {
    const scanner = new ConcurrentScanner();
    scanner.registerProvider('p', {
      async collect(_config, ctx) {
        assert.equal(ctx.types.includes('kept_type'), true);
        assert.equal(ctx.types.includes('dropped_type'), false);
        ctx.emit([
          fakeResource('p', '1', { type: 'kept_type' }),
          fakeResource('p', '2', { type: 'dropped_type' }),
        ]);
      },
    });
    const result = await scanner.scanAllProviders({
      providers: providersOf('p'),
      excludeTypes: ['dropped_type'],
    });
    assert.deepEqual(
      result.snapshot?.resources.map((r) => r.type),
      ['kept_type'],
    );
    assert.deepEqual(result.providerResults.p?.resources, { kept_type: 1 });
  });

  test('.getStats() - registered providers, limits and the last scan with its efficiency ratio', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ maxWorkers: 2, clock });
    scanner.registerProvider('a', taking(clock, 100, 'a'));
    scanner.registerProvider('b', taking(clock, 100, 'b'));
    assert.deepEqual(scanner.getStats(), {
      registeredProviders: 2,
      providers: ['a', 'b'],
      maxWorkers: 2,
      timeoutMs: 300_000,
      connectionPoolSize: 0,
      connections: { socketsOpened: 0, requests: 0, openSockets: 0 },
    });
    const scan = scanner.scanAllProviders({ providers: providersOf('a', 'b') });
    await clock.whenTimers(4);
    clock.advance(100);
    const result = await scan;
    assert.equal(result.efficiencyRatio, 2, 'two providers of 100ms overlapping in 100ms of wall time');
    const stats = scanner.getStats();
    assert.equal(stats.lastScan?.wallMs, 100);
    assert.deepEqual(stats.lastScan?.providers.a, {
      status: 'ok',
      durationMs: 100,
      resources: { a_thing: 1 },
      errors: 0,
    });
  });

  test('.scanAllProviders() - sequential providers give an efficiency ratio of 1', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ maxWorkers: 1, clock });
    scanner.registerProvider('a', taking(clock, 100, 'a'));
    scanner.registerProvider('b', taking(clock, 100, 'b'));
    const scan = scanner.scanAllProviders({ providers: providersOf('a', 'b') });
    await clock.whenTimers(2);
    clock.advance(100);
    await clock.whenTimers(2);
    clock.advance(100);
    const result = await scan;
    assert.equal(result.totalDurationMs, 200);
    assert.equal(result.efficiencyRatio, 1);
  });

  test('.close() - cancels a running scan and refuses new ones', async () => {
    const scanner = new ConcurrentScanner();
    const started = deferred();
    scanner.registerProvider('p', {
      async collect(_config, ctx) {
        started.resolve();
        await delay(new ManualClock(), 1000, ctx.signal);
      },
    });
    const scan = scanner.scanAllProviders({ providers: providersOf('p') });
    await started.promise;
    await scanner.close();
    assert.equal((await scan).providerResults.p?.status, 'cancelled');
    await assert.rejects(scanner.scanAllProviders({ providers: providersOf('p') }), UsageError);
  });

  test('.scanAllProviders() - ctx.net.call retries through the limiter and the counts reach the result', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ clock, env: {} });
    let attempts = 0;
    scanner.registerProvider('p', {
      async collect(_config, ctx) {
        const target = { account: 'acct', region: 'r1', service: 'svc', api: 'svc:List' };
        const value = await ctx.net.call(target, async () => {
          attempts++;
          if (attempts === 1) throw Object.assign(new Error('slow down'), { statusCode: 429 });
          return 'page';
        });
        assert.equal(ctx.net.limiter(target).state.throttles, 1);
        assert.equal(ctx.net.limiter(target).state.rate < 7, true, 'the configured 7/s, lowered');
        ctx.emit([fakeResource('p', value)]);
      },
    });
    const scan = scanner.scanAllProviders({
      providers: { p: { rateLimits: { svc: { ratePerSecond: 7 } } } },
    });
    await clock.whenTimers(2);
    clock.advance(1000);
    const result = await scan;
    assert.equal(result.providerResults.p?.status, 'ok');
    assert.deepEqual(
      [
        result.providerResults.p?.apiCalls,
        result.providerResults.p?.retries,
        result.providerResults.p?.throttled,
      ],
      [2, 1, 1],
    );
    await scanner.close();
  });

  test('.scanAllProviders() - providers of one kind share its limiters and default rates; other names do not', async () => {
    const scanner = new ConcurrentScanner({ env: {} });
    const target = { account: '111111111111', region: 'us-east-1', service: 'ec2' };
    const buckets = new Map<string, TokenBucket>();
    const recording = (kind?: string): Collector => ({
      ...(kind ? { kind } : {}),
      async collect(_config, ctx) {
        buckets.set(ctx.provider, ctx.net.limiter(target));
      },
    });
    scanner.registerProvider('aws-prod', recording('aws'));
    scanner.registerProvider('aws-audit', recording('aws'));
    scanner.registerProvider('custom', recording());
    await scanner.scanAllProviders({ providers: providersOf('aws-prod', 'aws-audit', 'custom') });
    assert.equal(buckets.get('aws-prod'), buckets.get('aws-audit'), 'one budget for one account and region');
    assert.equal(buckets.get('aws-prod')?.state.rate, 20, "EC2's default rate, not the fallback");
    assert.notEqual(buckets.get('custom'), buckets.get('aws-prod'));
    assert.equal(buckets.get('custom')?.state.rate, 10, 'an unknown kind starts at the fallback');
    await scanner.close();
  });

  test('.scan() - progress events: waiting, running with live figures, then the final status', async () => {
    const clock = new ManualClock();
    const scanner = new ConcurrentScanner({ maxWorkers: 1, clock });
    const gate = deferred();
    const working = deferred();
    scanner.registerProvider('a', {
      async collect(_config, ctx) {
        ctx.emit([fakeResource('a', '1'), fakeResource('a', '2')]);
        await ctx.tasks.run(() => {
          working.resolve();
          return gate.promise;
        });
      },
    });
    scanner.registerProvider('b', emitting('b', 1));
    const seen: Record<string, ProviderProgress>[] = [];
    const scan = scanner.scan(
      { providers: providersOf('a', 'b') },
      {
        progressIntervalMs: 100,
        onEvent: (event) => event.type === 'progress' && seen.push(event.providers),
      },
    );
    await working.promise;
    clock.advance(100);
    assert.deepEqual(
      [seen[0]?.a?.state, seen[0]?.a?.resources, seen[0]?.a?.inFlight, seen[0]?.b?.state],
      ['running', 2, 1, 'waiting'],
    );
    gate.resolve();
    const result = await scan;
    assert.equal(result.providerResults.b?.status, 'ok');
    const count = seen.length;
    clock.advance(1000);
    assert.equal(seen.length, count, 'no progress after the scan');
  });

  test('new ConcurrentScanner() - rejects bad limits, quoting the value', () => {
    assert.throws(() => new ConcurrentScanner({ maxWorkers: 0 }), /maxWorkers .* got 0/);
    assert.throws(() => new ConcurrentScanner({ timeout: -1 }), /timeout .* got -1/);
  });
});
