import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { REPO, runCli } from '../helpers/cli.ts';

test('wgo scan --all - providers without configuration are skipped with one line each, not failed', async () => {
  const result = await runCli(
    ['scan', '--all', '--concurrent', '--path', join(REPO, 'examples/terraform'), '-o', 'json'],
    {
      env: {
        HOME: '/nonexistent-home',
        AWS_CONFIG_FILE: '/nonexistent',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        KUBECONFIG: '/nonexistent-kubeconfig',
      },
    },
  );
  assert.equal(result.code, 0, result.stderr);
  const snapshot = JSON.parse(result.stdout) as Snapshot;
  assert.equal(snapshot.providers.terraform?.status, 'ok');
  assert.equal(snapshot.resources.length, 22);
  const skipped = Object.entries(snapshot.providers).filter(([, provider]) => provider.status === 'skipped');
  assert.ok(skipped.length >= 2, 'aws and gcp at least');
  for (const [name, provider] of skipped) {
    assert.equal(provider.errors.length, 1, name);
    assert.ok(result.stderr.split('\n').includes(`  ${name}: ${provider.errors[0]?.message}`), name);
  }
});
