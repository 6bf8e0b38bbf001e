import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyError, parseRetryAfter } from '../../../src/net/classify.ts';

/** The shape AWS SDK v3 service exceptions have. */
function awsError(name: string, status: number, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(`${name} happened`), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'r-1', attempts: 1 },
    ...extra,
  });
}

/** The shape of a gaxios (Google) error. */
function googleError(status: number, reason: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`${reason}: quota`), {
    status,
    response: { status, headers, data: { error: { code: status, message: 'm', errors: [{ reason }] } } },
  });
}

/** The shape of a @kubernetes/client-node ApiException. */
function kubernetesError(code: number, reason: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP-Code: ${code}\nMessage: ${reason}`), {
    code,
    body: JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code }),
    headers,
  });
}

test('classifyError() - AWS throttling, credentials, denial and absence', () => {
  assert.equal(classifyError(awsError('RequestLimitExceeded', 503)).kind, 'throttling');
  assert.equal(classifyError(awsError('Throttling', 400)).kind, 'throttling');
  assert.equal(
    classifyError(awsError('Unknown', 400, { $retryable: { throttling: true } })).kind,
    'throttling',
  );
  for (const name of ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'AuthFailure']) {
    assert.equal(classifyError(awsError(name, 403)).kind, 'credentials', name);
  }
  assert.equal(classifyError(awsError('AccessDenied', 403)).kind, 'denied');
  assert.equal(classifyError(awsError('UnauthorizedOperation', 403)).kind, 'denied');
  assert.equal(classifyError(awsError('NoSuchBucketPolicy', 404)).kind, 'not-found');
  assert.equal(
    classifyError(awsError('ServerSideEncryptionConfigurationNotFoundError', 404)).kind,
    'not-found',
  );
  const internal = classifyError(awsError('InternalError', 500));
  assert.deepEqual([internal.kind, internal.code, internal.status], ['transient', 'InternalError', 500]);
  assert.equal(classifyError(awsError('ValidationError', 400)).kind, 'fatal');
});

test('classifyError() - Google reasons win over the bare status', () => {
  const limited = classifyError(googleError(403, 'rateLimitExceeded', { 'Retry-After': '3' }));
  assert.deepEqual(
    [limited.kind, limited.code, limited.retryAfterMs],
    ['throttling', 'rateLimitExceeded', 3000],
  );
  assert.equal(classifyError(googleError(429, 'RESOURCE_EXHAUSTED')).kind, 'throttling');
  assert.equal(classifyError(googleError(403, 'accessNotConfigured')).kind, 'denied');
  assert.equal(classifyError(googleError(401, 'authError')).kind, 'credentials');
  assert.equal(classifyError(googleError(503, 'backendError')).kind, 'transient');
});

test('classifyError() - Kubernetes Status reasons and Retry-After', () => {
  const busy = classifyError(kubernetesError(429, 'TooManyRequests', { 'retry-after': '2' }));
  assert.deepEqual([busy.kind, busy.retryAfterMs, busy.status], ['throttling', 2000, 429]);
  assert.equal(classifyError(kubernetesError(410, 'Expired')).kind, 'expired');
  assert.equal(classifyError(kubernetesError(403, 'Forbidden')).kind, 'denied');
  assert.equal(classifyError(kubernetesError(401, 'Unauthorized')).kind, 'credentials');
  assert.equal(classifyError(kubernetesError(500, 'InternalError')).kind, 'transient');
  assert.equal(classifyError(kubernetesError(404, 'NotFound')).kind, 'not-found');
});

test('classifyError() - a Kubernetes Status\'s message, not client-node\'s "HTTP-Code" line', () => {
  const denied = Object.assign(new Error('HTTP-Code: 403\nMessage: Unknown API Status Code!\nBody: ...'), {
    code: 403,
    body: JSON.stringify({
      kind: 'Status',
      reason: 'Forbidden',
      message: 'secrets is forbidden: User "u" cannot list resource "secrets"\nsecond line',
    }),
  });
  assert.equal(
    classifyError(denied).message,
    'secrets is forbidden: User "u" cannot list resource "secrets"',
  );
  assert.equal(classifyError(kubernetesError(410, 'Expired')).message, 'HTTP-Code: 410');
});

test('classifyError() - network errors are transient, also when wrapped by fetch', () => {
  assert.equal(
    classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind,
    'transient',
  );
  const fetchFailure = new TypeError('fetch failed', {
    cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
  });
  const classified = classifyError(fetchFailure);
  assert.deepEqual([classified.kind, classified.code], ['transient', 'ECONNREFUSED']);
  assert.equal(classifyError('a string').kind, 'fatal');
  assert.equal(classifyError(new Error('first line\nsecond line')).message, 'first line');
});

test('parseRetryAfter() - seconds or an HTTP date', () => {
  assert.equal(parseRetryAfter('5'), 5000);
  assert.equal(parseRetryAfter('0.5'), 500);
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now), 7000);
  assert.equal(parseRetryAfter('soon'), undefined);
  assert.equal(parseRetryAfter(undefined), undefined);
});
