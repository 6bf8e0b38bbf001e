import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProviderError } from '../../../src/core/errors.ts';
import type { ProviderErrorRecord } from '../../../src/core/snapshot.ts';
import type { CollectorContext } from '../../../src/scanner/collector.ts';
import { runJobs } from '../../../src/scanner/run-jobs.ts';
import { TaskPool } from '../../../src/scanner/task-pool.ts';

function context(concurrency: number, controller = new AbortController()) {
  const reported: ProviderErrorRecord[] = [];
  const ctx = {
    provider: 'p',
    signal: controller.signal,
    tasks: new TaskPool({ concurrency, signal: controller.signal }),
    reportError: (error: ProviderError | ProviderErrorRecord) =>
      reported.push(error instanceof ProviderError ? error.toRecord() : error),
  } as unknown as CollectorContext;
  return { ctx, reported };
}

test('runJobs() - runs added jobs too, and a failure is reported with its scope and API', async () => {
  const { ctx, reported } = context(2);
  const done: string[] = [];
  await runJobs(ctx, [
    {
      scope: 'acct',
      api: 's3:ListBuckets',
      run: async (_signal, add) => {
        for (const bucket of ['a', 'b', 'c']) {
          add({
            scope: `acct/${bucket}`,
            api: 's3:GetBucketTagging',
            run: async () => {
              if (bucket === 'b') throw new Error('socket closed');
              done.push(bucket);
            },
          });
        }
        done.push('list');
      },
    },
  ]);
  assert.deepEqual(done.sort(), ['a', 'c', 'list']);
  assert.deepEqual(reported, [
    { scope: 'acct/b', api: 's3:GetBucketTagging', code: 'error', message: 'socket closed' },
  ]);
});

test('runJobs() - a job that adds jobs does not hold its slot while they run (no deadlock at concurrency 1)', async () => {
  const { ctx } = context(1);
  let children = 0;
  await runJobs(ctx, [
    {
      scope: 's',
      api: 'list',
      run: async (_signal, add) => {
        for (let i = 0; i < 5; i++) add({ scope: 's', api: 'detail', run: async () => void children++ });
      },
    },
  ]);
  assert.equal(children, 5);
});

test('runJobs() - onError can take a failure instead of the report', async () => {
  const { ctx, reported } = context(1);
  const taken: string[] = [];
  await runJobs(
    ctx,
    [
      {
        scope: 'x',
        api: 'a',
        run: async () =>
          Promise.reject(new ProviderError('AccessDenied', 'no', { provider: 'p', scope: 'x', api: 'a' })),
      },
    ],
    (error) => {
      taken.push(error.code);
      return true;
    },
  );
  assert.deepEqual(taken, ['AccessDenied']);
  assert.deepEqual(reported, []);
});

test('runJobs() - an aborted scan reports nothing and rejects with the reason', async () => {
  const controller = new AbortController();
  const { ctx, reported } = context(1, controller);
  const run = runJobs(ctx, [
    {
      scope: 's',
      api: 'slow',
      run: (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
        ),
    },
  ]);
  controller.abort(new Error('timed out'));
  await assert.rejects(run, /timed out/);
  assert.deepEqual(reported, []);
});
