import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcpEndpoints } from '../../../../src/collectors/gcp/endpoints.ts';
import { environmentProject, gcpSettings } from '../../../../src/collectors/gcp/settings.ts';
import { ConfigError } from '../../../../src/core/errors.ts';

const configError = (pattern: RegExp) => (error: unknown) =>
  error instanceof ConfigError && pattern.test(error.message);

test('gcpSettings() - projects and zones are checked; AWS regions are set aside, not fatal', () => {
  assert.deepEqual(
    gcpSettings({ projects: ['acme-prod', 'acme-prod'], regions: ['us-east-1', 'us-east1'] }),
    {
      projects: ['acme-prod'],
      regions: ['us-east1'],
      otherRegions: ['us-east-1'],
      zones: [],
    },
  );
  assert.throws(
    () => gcpSettings({ projects: ['Acme'] }),
    configError(/gcp\.projects: "Acme" is not a GCP project id/),
  );
  assert.throws(
    () => gcpSettings({ zones: ['us-east1'] }),
    configError(/gcp\.zones: "us-east1" is not a GCP zone/),
  );
  assert.throws(() => gcpSettings({ projects: 7 }), configError(/gcp\.projects must be a list of strings/));
});

test('environmentProject() - GOOGLE_CLOUD_PROJECT, then GCLOUD_PROJECT', () => {
  assert.equal(
    environmentProject({ GOOGLE_CLOUD_PROJECT: 'a-project', GCLOUD_PROJECT: 'b-project' }),
    'a-project',
  );
  assert.equal(environmentProject({ GCLOUD_PROJECT: 'b-project' }), 'b-project');
  assert.equal(environmentProject({}), undefined);
});

test("gcpEndpoints() - Google's hosts; WGO_GCP_ENDPOINT for all; STORAGE_EMULATOR_HOST wins for Storage", () => {
  assert.equal(gcpEndpoints({}).compute, 'https://compute.googleapis.com');
  assert.deepEqual(gcpEndpoints({ WGO_GCP_ENDPOINT: 'http://127.0.0.1:9001/' }), {
    compute: 'http://127.0.0.1:9001',
    storage: 'http://127.0.0.1:9001',
    container: 'http://127.0.0.1:9001',
    iam: 'http://127.0.0.1:9001',
  });
  const emulated = gcpEndpoints({
    WGO_GCP_ENDPOINT: 'http://sim:1',
    STORAGE_EMULATOR_HOST: 'localhost:4443',
  });
  assert.equal(emulated.storage, 'http://localhost:4443');
  assert.equal(emulated.compute, 'http://sim:1');
  assert.equal(
    gcpEndpoints({ STORAGE_EMULATOR_HOST: 'http://gcs:4443/storage/v1/' }).storage,
    'http://gcs:4443',
  );
  assert.throws(
    () => gcpEndpoints({ WGO_GCP_ENDPOINT: 'ftp://x' }),
    configError(/WGO_GCP_ENDPOINT: "ftp:\/\/x" must be an http/),
  );
});
