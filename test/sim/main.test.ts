/** `npm run sim`: exactly one JSON line with CONTRACT.md's keys when ready, runs until SIGTERM. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnSim } from './process.ts';

const KEYS = [
  'aws',
  'gcp',
  'kubernetes',
  'truth',
  'stats',
  'awsConfigFile',
  'awsCredentialsFile',
  'awsProfiles',
  'awsRegions',
  'gcpCredentials',
  'gcpProjects',
  'kubeconfig',
  'kubeContexts',
];

describe('sim/main.ts', () => {
  test('prints one JSON line with every contract key, serves, and exits 0 on SIGTERM', async (t) => {
    const sim = await spawnSim(t, ['--resources', '500', '--seed', '3', '--latency-ms', '1']);
    assert.deepEqual(Object.keys(sim.info).sort(), [...KEYS].sort());
    assert.deepEqual(sim.info.awsRegions, ['us-east-1', 'us-west-2', 'eu-west-1']);
    assert.equal((sim.info.awsProfiles as string[]).length, 2);
    assert.equal((sim.info.gcpProjects as string[]).length, 2);
    assert.equal((sim.info.kubeContexts as string[]).length, 2);
    for (const key of ['awsConfigFile', 'awsCredentialsFile', 'gcpCredentials', 'kubeconfig'] as const)
      await access(sim.info[key] as string);
    const truth = await (await fetch(sim.info.truth as string)).text();
    assert.equal(truth.trim().split('\n').length, 500);
    assert.equal(await sim.stop(), 0);
    assert.equal(
      sim
        .stdout()
        .split('\n')
        .filter((l) => l !== '').length,
      1,
      'nothing but the start-up line on stdout',
    );
    await assert.rejects(access(sim.info.kubeconfig as string), 'its temporary files are removed');
  });

  test('--port P puts AWS, GCP, Kubernetes and the truth on P..P+3', async (t) => {
    // Below the ephemeral range (32768+), so no outgoing connection holds one of the four ports.
    const port = 20_000 + (process.pid % 12_000);
    const sim = await spawnSim(t, ['--resources', '50', '--port', String(port)]);
    assert.equal(sim.info.aws, `http://127.0.0.1:${port}`);
    assert.equal(sim.info.gcp, `http://127.0.0.1:${port + 1}`);
    assert.equal(sim.info.kubernetes, `https://127.0.0.1:${port + 2}`);
    assert.equal(sim.info.truth, `http://127.0.0.1:${port + 3}/truth`);
    assert.equal(await sim.stop(), 0);
  });

  test('--profile FILE is read and validated; a bad profile exits 2 with the reason on stderr', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'wgo-sim-profile-'));
    try {
      const good = join(dir, 'good.json');
      await writeFile(
        good,
        JSON.stringify({ layout: { awsAccounts: 1, clusters: 3 }, latency: { fixedMs: 0 } }),
      );
      const sim = await spawnSim(t, ['--resources', '100', '--profile', good]);
      assert.equal((sim.info.awsProfiles as string[]).length, 1);
      assert.equal((sim.info.kubeContexts as string[]).length, 3);
      assert.equal(await sim.stop(), 0);
      const bad = join(dir, 'bad.json');
      await writeFile(bad, JSON.stringify({ faults: [{ errorRate: 3 }] }));
      const child = spawn(process.execPath, [
        fileURLToPath(new URL('../../sim/main.ts', import.meta.url)),
        '--resources',
        '10',
        '--profile',
        bad,
      ]);
      let stderr = '';
      child.stderr.on('data', (c) => {
        stderr += c;
      });
      const [code] = await once(child, 'exit');
      assert.equal(code, 2);
      assert.match(stderr, /errorRate must be in \[0, 1\], got 3/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('the standard benchmark profile is valid and says 40 ms per request', async (t) => {
    const sim = await spawnSim(t, [
      '--resources',
      '20',
      '--profile',
      fileURLToPath(new URL('../../bench/profiles/standard.json', import.meta.url)),
    ]);
    try {
      const started = performance.now();
      const response = await fetch(`${sim.info.gcp}/compute/v1/projects/x/global/networks`);
      assert.equal(response.status, 401, 'errors are delayed like answers');
      assert.ok(performance.now() - started >= 39);
    } finally {
      assert.equal(await sim.stop(), 0);
    }
  });
});
