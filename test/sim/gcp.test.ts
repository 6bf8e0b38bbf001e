/**
 * GCP through google-auth-library with the simulator's service-account key: self-signed JWTs
 * (the library's supported way to skip Google's token endpoint), every list paged to the end and
 * compared with the truth; Google's 401 for anything else; the key file's token_uri works too.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { type AuthClient, GoogleAuth } from 'google-auth-library';
import { type Simulator, startSimulator } from '../../sim/index.ts';
import { readTruth, type ServiceAccountKey, signedAssertion, sorted, uidsOf } from './helpers.ts';

let sim: Simulator;
let client: AuthClient;

before(async () => {
  sim = await startSimulator({ resources: 3000, seed: 31 });
  const auth = new GoogleAuth({
    keyFile: sim.gcpCredentials,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
  });
  // Sign every request with a self-signed JWT carrying the scope: no token endpoint involved.
  auth.useJWTAccessWithScope = true;
  client = await auth.getClient();
});
after(() => sim.close());

type Json = Record<string, unknown>;

async function getJson(path: string): Promise<Json> {
  return (await client.request<Json>({ url: `${sim.gcp}${path}` })).data;
}

/** Follows nextPageToken to the end. */
async function pages(path: string, size: string): Promise<Json[]> {
  const out: Json[] = [];
  let token: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await getJson(
      `${path}${sep}${size}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`,
    );
    out.push(page);
    token = page.nextPageToken as string | undefined;
  } while (token);
  return out;
}

const selfLinkUid = (link: unknown) =>
  String(link).replace('https://www.googleapis.com/compute/v1/', '//compute.googleapis.com/');

describe('GCP through google-auth-library', () => {
  test('every resource of every project is listed, as the truth says', async () => {
    for (const project of sim.gcpProjects) {
      const seen: string[] = [];
      let warnings = 0;
      for (const plural of ['instances', 'subnetworks']) {
        for (const page of await pages(
          `/compute/v1/projects/${project}/aggregated/${plural}`,
          'maxResults=40',
        )) {
          for (const scoped of Object.values(page.items as Record<string, Json>)) {
            if (scoped.warning) warnings++;
            for (const item of (scoped[plural] as Json[] | undefined) ?? [])
              seen.push(selfLinkUid(item.selfLink));
          }
        }
      }
      assert.ok(warnings > 0, 'empty scopes carry a warning');
      const zones = (await getJson(`/compute/v1/projects/${project}/aggregated/disks?maxResults=1`))
        .items as Json;
      for (const key of Object.keys(zones)) {
        const zone = key.replace('zones/', '');
        for (const page of await pages(
          `/compute/v1/projects/${project}/zones/${zone}/disks`,
          'maxResults=100',
        )) {
          for (const item of (page.items as Json[] | undefined) ?? [])
            seen.push(`//compute.googleapis.com/projects/${project}/zones/${zone}/disks/${item.name}`);
        }
      }
      for (const plural of ['networks', 'firewalls']) {
        for (const page of await pages(`/compute/v1/projects/${project}/global/${plural}`, 'maxResults=7')) {
          for (const item of (page.items as Json[] | undefined) ?? []) seen.push(selfLinkUid(item.selfLink));
        }
      }
      for (const page of await pages(`/storage/v1/b?project=${project}`, 'maxResults=9')) {
        for (const item of (page.items as Json[] | undefined) ?? [])
          seen.push(`//storage.googleapis.com/${item.name}`);
      }
      const clusters = (await getJson(`/v1/projects/${project}/locations/-/clusters`)).clusters as Json[];
      for (const c of clusters ?? [])
        seen.push(
          `//container.googleapis.com/projects/${project}/locations/${c.location}/clusters/${c.name}`,
        );
      for (const page of await pages(`/v1/projects/${project}/serviceAccounts`, 'pageSize=10')) {
        for (const a of (page.accounts as Json[] | undefined) ?? [])
          seen.push(`//iam.googleapis.com/projects/${project}/serviceAccounts/${a.email}`);
      }
      const truth = uidsOf(await readTruth(sim.truth, { provider: 'gcp', account: project }));
      assert.ok(truth.length > 200);
      assert.deepEqual(sorted(seen), truth);
    }
  });

  test('a self-signed JWT with the request URL as audience works too', async () => {
    const auth = new GoogleAuth({ keyFile: sim.gcpCredentials });
    const jwtClient = await auth.getClient();
    const url = `${sim.gcp}/compute/v1/projects/${sim.gcpProjects[0]}/global/networks`;
    const response = await fetch(url, { headers: await jwtClient.getRequestHeaders(url) });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as Json).kind, 'compute#networkList');
  });

  test("without a credential, or with a forged one, Google's 401", async () => {
    const url = `${sim.gcp}/compute/v1/projects/${sim.gcpProjects[0]}/global/networks`;
    const missing = await fetch(url);
    assert.equal(missing.status, 401);
    assert.equal(((await missing.json()) as { error: { status: string } }).error.status, 'UNAUTHENTICATED');
    const forged = await fetch(url, { headers: { authorization: 'Bearer ya29.forged' } });
    assert.equal(forged.status, 401);
    assert.equal(
      ((await forged.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]?.reason,
      'authError',
    );
  });

  test('the token_uri of the key file exchanges a signed assertion for an access token', async () => {
    const key = JSON.parse(await readFile(sim.gcpCredentials, 'utf8')) as ServiceAccountKey;
    const { unsigned, assertion } = signedAssertion(key, 'https://www.googleapis.com/auth/cloud-platform');
    const response = await fetch(key.token_uri, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
    });
    const token = (await response.json()) as { access_token: string; token_type: string };
    assert.equal(token.token_type, 'Bearer');
    const list = await fetch(`${sim.gcp}/v1/projects/${sim.gcpProjects[0]}/serviceAccounts`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    assert.equal(list.status, 200);
    const bad = await fetch(key.token_uri, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion: `${unsigned}.AAAA`,
      }),
    });
    assert.equal(bad.status, 400);
  });

  test('regions.get names the zones of a region, as the aggregated lists key them', async () => {
    const project = sim.gcpProjects[0];
    const zoneKeys = Object.keys(
      (await getJson(`/compute/v1/projects/${project}/aggregated/disks?maxResults=1`)).items as Json,
    );
    const regionKeys = Object.keys(
      (await getJson(`/compute/v1/projects/${project}/aggregated/subnetworks?maxResults=1`)).items as Json,
    );
    const listed: string[] = [];
    for (const key of regionKeys) {
      const region = await getJson(`/compute/v1/projects/${project}/${key}`);
      assert.equal(region.kind, 'compute#region');
      for (const url of region.zones as string[]) {
        assert.ok(
          url.startsWith(`https://www.googleapis.com/compute/v1/projects/${project}/zones/${region.name}-`),
        );
        listed.push(`zones/${url.slice(url.lastIndexOf('/') + 1)}`);
      }
    }
    assert.deepEqual(sorted(listed), sorted(zoneKeys));
    await assert.rejects(
      getJson(`/compute/v1/projects/${project}/regions/mars-north1`),
      (error: { status?: number }) => error.status === 404,
    );
  });

  test('page sizes above the API maximum are refused as Google refuses them', async () => {
    await assert.rejects(
      getJson(`/compute/v1/projects/${sim.gcpProjects[0]}/aggregated/instances?maxResults=501`),
      (error: { status?: number }) => error.status === 400,
    );
  });
});
