import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { REPO, runCli } from '../helpers/cli.ts';
import { deferred } from '../helpers/manual-clock.ts';
import { assertValidSnapshot } from '../helpers/schema.ts';

/** An http server that accepts state requests and never answers them. */
async function hangingServer(): Promise<{ url: string; requested: Promise<void>; server: Server }> {
  const requested = deferred();
  const held: IncomingMessage[] = [];
  const server = createServer((request) => {
    held.push(request);
    requested.resolve();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/state/prod.tfstate`, requested: requested.promise, server };
}

const EXAMPLES = join(REPO, 'examples/terraform');

describe('wgo scan - stopping early', () => {
  test('wgo scan - Ctrl-C stops the scan, writes what was collected and exits 130', async () => {
    const { url, requested, server } = await hangingServer();
    const out = join(await mkdtemp(join(tmpdir(), 'wgo-int-')), 'snap.json');
    try {
      const result = await runCli(
        [
          'scan',
          '--provider',
          'terraform',
          '--path',
          EXAMPLES,
          '--state',
          url,
          '--api-concurrency',
          '1',
          '-f',
          out,
        ],
        { onSpawn: (child) => void requested.then(() => child.kill('SIGINT')) },
      );
      assert.equal(result.code, 130, result.stderr);
      const snapshot = JSON.parse(await readFile(out, 'utf8')) as Snapshot;
      assertValidSnapshot(snapshot);
      assert.equal(snapshot.providers.terraform?.status, 'cancelled');
      assert.equal(snapshot.incomplete, true);
      assert.equal(
        snapshot.resources.length,
        22,
        `states read before the interrupt are kept: ${JSON.stringify(snapshot.providers)} ${result.stderr}`,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('wgo scan --scan-timeout - a hung state fetch times out; the rest is kept (exit 1)', async () => {
    const { url, server } = await hangingServer();
    try {
      const result = await runCli([
        'scan',
        '--provider',
        'terraform',
        '--path',
        EXAMPLES,
        '--state',
        url,
        '--api-concurrency',
        '1',
        '--scan-timeout',
        '1s',
        '-o',
        'json',
      ]);
      assert.equal(result.code, 1, result.stderr);
      const snapshot = JSON.parse(result.stdout) as Snapshot;
      assertValidSnapshot(snapshot);
      assert.equal(snapshot.providers.terraform?.status, 'timed_out');
      assert.equal(snapshot.providers.terraform?.errors.at(-1)?.message, 'timed out after 1.00s');
      assert.equal(snapshot.resources.length, 22, 'every readable state is kept');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
