import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSecretName, isSecretValue } from '../../../src/core/secrets.ts';

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
    'primary_connection_string',
    'disk_encryption_key_raw',
    'raw_key',
    'set_sensitive',
    'kube_config_raw',
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
    'get_password_data',
    'manage_master_user_password',
    'disable_password_authentication',
    'pass_credentials',
    'enable_binary_authorization',
    'disk_encryption_key_sha256',
    'secret_key_ref',
    'secretKeyRef',
    'image_pull_secrets',
  ]) {
    assert.equal(isSecretName(name), false, name);
  }
});

test('isSecretValue() - private keys and kubeconfigs, in clear or base64', () => {
  const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';
  const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters:\n- name: prod\nusers:\n- name: admin\n';
  for (const value of [
    pem,
    '-----BEGIN PRIVATE KEY-----\nMIIE',
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl',
    '-----BEGIN EC PRIVATE KEY-----',
    '-----BEGIN PGP PRIVATE KEY BLOCK-----',
    `prefix text ${pem}`,
    kubeconfig,
    '{"apiVersion":"v1","kind":"Config","clusters":[]}',
    Buffer.from(pem).toString('base64'),
    Buffer.from(kubeconfig).toString('base64'),
  ]) {
    assert.equal(isSecretValue(value), true, value.slice(0, 40));
  }
});

test('isSecretValue() - certificates, public keys and ordinary text are not secrets', () => {
  const cert = '-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n';
  for (const value of [
    '',
    'optional',
    cert,
    Buffer.from(cert).toString('base64'),
    '-----BEGIN PUBLIC KEY-----\nMFkw',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK4 user@host',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n  users: none\n',
    'kind: Config',
  ]) {
    assert.equal(isSecretValue(value), false, value.slice(0, 40));
  }
});
