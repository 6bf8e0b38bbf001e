import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretName } from '../../../src/core/secrets.ts';

test('isSecretName() - names that hold secrets', () => {
  for (const name of [
    'password',
    'master_password',
    'MasterUserPassword',
    'client_secret',
    'token',
    'cluster_token',
    'private_key',
    'private_key_pem',
    'access_key',
    'secret_access_key',
    'AWS_SECRET_ACCESS_KEY',
    'api-key',
    'client_key',
    'kube_config',
    'kubeconfig',
    'master_auth',
    'credentials',
  ]) {
    assert.equal(isSecretName(name), true, name);
  }
});

test('isSecretName() - ordinary names, including known false friends', () => {
  for (const name of [
    'id',
    'name',
    'tags',
    'http_tokens',
    'tokenizer_mode',
    'key_name',
    'public_key',
    'secretary',
    'ami',
  ]) {
    assert.equal(isSecretName(name), false, name);
  }
});
