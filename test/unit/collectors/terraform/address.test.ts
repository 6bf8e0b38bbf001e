import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hclQuoted,
  instanceAddress,
  instanceKeySuffix,
  legacyModuleAddress,
} from '../../../../src/collectors/terraform/address.ts';

test('instanceAddress() - root, modules, count and for_each', () => {
  assert.equal(instanceAddress('', 'aws_instance', 'web'), 'aws_instance.web');
  assert.equal(instanceAddress('', 'aws_instance', 'web', 0), 'aws_instance.web[0]');
  assert.equal(instanceAddress('module.app', 'aws_instance', 'web', 12), 'module.app.aws_instance.web[12]');
  assert.equal(instanceAddress('', 'aws_iam_user', 'u', 'alice'), 'aws_iam_user.u["alice"]');
  assert.equal(instanceAddress('module.x["k"]', 'aws_s3_bucket', 'b'), 'module.x["k"].aws_s3_bucket.b');
  assert.equal(
    instanceAddress('module.a.module.b[1]', 'aws_subnet', 's', 'us-west2/gke-demo-subnet'),
    'module.a.module.b[1].aws_subnet.s["us-west2/gke-demo-subnet"]',
  );
  // A string key that looks like a number stays a string key.
  assert.equal(instanceAddress('', 'null_resource', 'n', '0'), 'null_resource.n["0"]');
});

test('hclQuoted() - escapes as Terraform writes instance keys', () => {
  assert.equal(hclQuoted(''), '""');
  assert.equal(hclQuoted('a/b c'), '"a/b c"');
  assert.equal(hclQuoted('say "hi"'), '"say \\"hi\\""');
  assert.equal(hclQuoted('C:\\temp'), '"C:\\\\temp"');
  assert.equal(hclQuoted('a\nb\r\tc'), '"a\\nb\\r\\tc"');
  // Template introducers are doubled; a lone $ or % is not.
  assert.equal(hclQuoted('${var.x}'), '"$${var.x}"');
  assert.equal(hclQuoted('%{if}'), '"%%{if}"');
  assert.equal(hclQuoted('$5 or 50%'), '"$5 or 50%"');
  // Non-printable characters as \u or \U escapes; printable non-ASCII kept.
  assert.equal(hclQuoted('a\u0001b'), '"a\\u0001b"');
  assert.equal(hclQuoted('no\u00a0break'), '"no\\u00a0break"');
  assert.equal(hclQuoted('café 日本 😀'), '"café 日本 😀"');
  assert.equal(hclQuoted('\u{10ffff}'), '"\\U0010ffff"');
});

test('instanceKeySuffix() - none, integer, string', () => {
  assert.equal(instanceKeySuffix(undefined), '');
  assert.equal(instanceKeySuffix(3), '[3]');
  assert.equal(instanceKeySuffix('k'), '["k"]');
});

test('legacyModuleAddress() - v3 module paths', () => {
  assert.equal(legacyModuleAddress(['root']), '');
  assert.equal(legacyModuleAddress(['root', 'a']), 'module.a');
  assert.equal(
    legacyModuleAddress(['root', 'root_account', 'dir-init']),
    'module.root_account.module.dir-init',
  );
});
