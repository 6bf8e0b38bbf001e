/**
 * ADC on Google Cloud: no credentials file, so google-auth-library finds the metadata server
 * (here a stand-in on 127.0.0.1 named by GCE_METADATA_HOST, as the library allows) and asks it
 * for the workload's token, which the stand-in gets from the simulator's own token endpoint.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../../sim/index.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { runCli } from '../helpers/cli.ts';
import { identities } from '../integration/gcp/helpers.ts';
import { readTruth, type ServiceAccountKey, signedAssertion } from '../sim/helpers.ts';

test('wgo scan - on Google Cloud, ADC takes the token from the metadata server', async (t) => {
  const sim = await startSimulator({ resources: 2000, seed: 81 });
  t.after(() => sim.close());
  const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as ServiceAccountKey;
  const asked: string[] = [];
  const metadata = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://metadata').pathname;
    asked.push(path);
    if (request.headers['metadata-flavor'] !== 'Google') {
      response.writeHead(403).end();
      return;
    }
    const headers = { 'metadata-flavor': 'Google', 'content-type': 'application/json' };
    if (path === '/computeMetadata/v1/instance/service-accounts/default/token') {
      const { assertion } = signedAssertion(key, 'https://www.googleapis.com/auth/cloud-platform');
      const token = await fetch(key.token_uri, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      });
      response.writeHead(200, headers).end(await token.text());
    } else if (path === '/computeMetadata/v1/instance') {
      response.writeHead(200, headers).end('{}');
    } else {
      response.writeHead(404, headers).end();
    }
  });
  metadata.listen(0, '127.0.0.1');
  await once(metadata, 'listening');
  t.after(() => metadata.close());
  const port = (metadata.address() as AddressInfo).port;

  const result = await runCli(
    [
      'scan',
      '--provider',
      'gcp',
      '--project',
      'acme-prod',
      '--types',
      'google_compute_network',
      '-o',
      'json',
    ],
    {
      env: {
        HOME: await mkdtemp(join(tmpdir(), 'wgo-gcp-home-')),
        GCE_METADATA_HOST: `127.0.0.1:${port}`,
        WGO_GCP_ENDPOINT: sim.gcp,
      },
    },
  );
  assert.equal(result.code, 0, result.stderr);
  const snapshot = JSON.parse(result.stdout) as Snapshot;
  const truth = await readTruth(sim.truth, { provider: 'gcp', account: 'acme-prod' });
  assert.deepEqual(
    identities(snapshot.resources),
    identities(truth.filter((line) => line.type === 'google_compute_network')),
  );
  assert.ok(asked.includes('/computeMetadata/v1/instance/service-accounts/default/token'), asked.join(' '));
});
