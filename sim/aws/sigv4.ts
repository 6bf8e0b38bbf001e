/**
 * AWS Signature Version 4 verification with node:crypto: the simulator recomputes the signature
 * from the request and the secret it issued, as AWS does.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SimRequest } from '../http/types.ts';

/** The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header. */
export interface SigV4Header {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Parses the Authorization header; undefined when it is absent or not SigV4. */
export function parseAuthorization(header: string | undefined): SigV4Header | undefined {
  const match = header?.match(
    /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)\s*$/,
  );
  if (!match) return undefined;
  const [accessKeyId, date, region, service, terminator] = (match[1] as string).split('/');
  if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request') return undefined;
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: (match[2] as string).split(';'),
    signature: match[3] as string,
  };
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      return [uriEncode(safeDecode(key)), uriEncode(safeDecode(value))] as const;
    })
    .filter(([key]) => key !== 'X-Amz-Signature')
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function canonicalPath(rawPath: string, service: string): string {
  if (rawPath === '') return '/';
  // S3 signs the path as sent; every other service signs it encoded once more.
  return service === 's3' ? rawPath : rawPath.split('/').map(uriEncode).join('/');
}

function headerValue(request: SimRequest, name: string): string {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.trim().replace(/\s+/g, ' ');
}

/** The string to sign for a request, given its parsed Authorization header. */
export function stringToSign(request: SimRequest, auth: SigV4Header): string {
  const payloadHash =
    headerValue(request, 'x-amz-content-sha256') || createHash('sha256').update(request.body).digest('hex');
  const canonical = [
    request.method,
    canonicalPath(request.rawPath, auth.service),
    canonicalQuery(request.rawQuery),
    `${auth.signedHeaders.map((h) => `${h}:${headerValue(request, h)}`).join('\n')}\n`,
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  return [
    'AWS4-HMAC-SHA256',
    headerValue(request, 'x-amz-date'),
    `${auth.date}/${auth.region}/${auth.service}/aws4_request`,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
}

/** True when the request's signature is the one `secret` gives. */
export function verifySignature(request: SimRequest, auth: SigV4Header, secret: string): boolean {
  let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(auth.date).digest();
  for (const part of [auth.region, auth.service, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  const expected = createHmac('sha256', key).update(stringToSign(request, auth)).digest();
  const given = Buffer.from(auth.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
