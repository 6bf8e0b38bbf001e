import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactConfiguration } from '../../../../src/collectors/gcp/redact.ts';

test('redactConfiguration() - GKE masterAuth is replaced whole; secret names and key material anywhere', () => {
  const cluster = {
    name: 'prod',
    masterAuth: { username: 'admin', password: 'hunter2', clusterCaCertificate: 'LS0t' },
    nodeConfig: { metadata: { 'disable-legacy-endpoints': 'true' }, clientKey: 'k' },
    notes: ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----'],
    labelFingerprint: 'abc',
  };
  const copy = redactConfiguration(cluster);
  assert.deepEqual(copy, {
    name: 'prod',
    masterAuth: '(redacted)',
    nodeConfig: { metadata: { 'disable-legacy-endpoints': 'true' }, clientKey: '(redacted)' },
    notes: ['(redacted)'],
    labelFingerprint: 'abc',
  });
  assert.equal(cluster.masterAuth.password, 'hunter2', 'the input is not modified');
});
