/**
 * AWS error bodies in each protocol's own format, and the standard answers (throttled,
 * unavailable, denied, authentication failures) each protocol gives, as one table.
 */
import { randomUUID } from 'node:crypto';
import { type CallErrors, json, type SimResponse, xml } from '../http/types.ts';
import { escapeXml, XML_DECLARATION } from '../util/xml.ts';

/** The wire protocols the simulated AWS services use. */
export type AwsProtocol = 'ec2' | 'query' | 's3' | 'lambda';

/** The XML namespaces of the query-protocol services. */
const QUERY_NAMESPACES: Record<string, string> = {
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
};

/** The namespace of a query-protocol service's responses. */
export function queryNamespace(service: string): string {
  return QUERY_NAMESPACES[service] ?? `https://${service}.amazonaws.com/doc/`;
}

/** An error of `code` with `message`, rendered as `protocol` renders errors. */
export function awsError(
  protocol: AwsProtocol,
  service: string,
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = {},
): SimResponse {
  const requestId = randomUUID();
  switch (protocol) {
    case 'ec2':
      return xml(
        status,
        `${XML_DECLARATION}<Response><Errors><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
        headers,
      );
    case 'query': {
      const type = status >= 500 ? 'Receiver' : 'Sender';
      return xml(
        status,
        `<ErrorResponse xmlns="${queryNamespace(service)}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${escapeXml(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
        { 'x-amzn-requestid': requestId, ...headers },
      );
    }
    case 's3': {
      const details = Object.entries(extra)
        .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
        .join('');
      const id = requestId.slice(0, 16).toUpperCase();
      return xml(
        status,
        `${XML_DECLARATION}<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${details}<RequestId>${id}</RequestId><HostId>${Buffer.from(requestId).toString('base64')}</HostId></Error>`,
        { 'x-amz-request-id': id, 'content-type': 'application/xml', ...headers },
      );
    }
    case 'lambda':
      return json(
        status,
        { Type: status >= 500 ? 'Service' : 'User', message, ...extra },
        { 'x-amzn-errortype': code, 'x-amzn-requestid': requestId, ...headers },
      );
  }
}

/** The identity the simulator reports for an account's credentials. */
export function callerArn(account: string): string {
  return `arn:aws:iam::${account}:user/sim-scanner`;
}

/** What one standard error looks like in one protocol. */
interface ErrorSpec {
  readonly status: number;
  readonly code: string;
  /** The message; `denial` is the IAM-style "User ... is not authorized" sentence. */
  readonly message: string | ((denial: string) => string);
  readonly extra?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

type Situation =
  | 'throttled'
  | 'unavailable'
  | 'denied'
  | 'notEnabled'
  | 'missing'
  | 'unknownKey'
  | 'badSignature';

const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EC2_AUTH: ErrorSpec = {
  status: 401,
  code: 'AuthFailure',
  message: 'AWS was not able to validate the provided access credentials',
};
const OPT_IN = 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.';

/** Each protocol's words for each situation (EC2 says AuthFailure for every credential problem). */
const ERRORS: Record<AwsProtocol, Record<Situation, ErrorSpec>> = {
  ec2: {
    throttled: { status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.' },
    unavailable: {
      status: 503,
      code: 'Unavailable',
      message: "The server is overloaded and can't handle the request.",
    },
    denied: {
      status: 403,
      code: 'UnauthorizedOperation',
      message: (d) => `You are not authorized to perform this operation. ${d}`,
    },
    notEnabled: { status: 401, code: 'OptInRequired', message: OPT_IN },
    missing: EC2_AUTH,
    unknownKey: EC2_AUTH,
    badSignature: EC2_AUTH,
  },
  query: {
    throttled: { status: 400, code: 'Throttling', message: 'Rate exceeded' },
    unavailable: { status: 503, code: 'ServiceUnavailable', message: 'Service is unable to handle request.' },
    denied: { status: 403, code: 'AccessDenied', message: (d) => d },
    notEnabled: { status: 403, code: 'OptInRequired', message: OPT_IN },
    missing: {
      status: 403,
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    },
    unknownKey: { status: 403, code: 'InvalidClientTokenId', message: INVALID_TOKEN },
    badSignature: { status: 403, code: 'SignatureDoesNotMatch', message: BAD_SIGNATURE },
  },
  s3: {
    throttled: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
    unavailable: {
      status: 500,
      code: 'InternalError',
      message: 'We encountered an internal error. Please try again.',
    },
    denied: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    notEnabled: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    missing: { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    unknownKey: {
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided does not exist in our records.',
    },
    badSignature: { status: 403, code: 'SignatureDoesNotMatch', message: BAD_SIGNATURE },
  },
  lambda: {
    throttled: {
      status: 429,
      code: 'TooManyRequestsException',
      message: 'Rate exceeded',
      extra: { Reason: 'CallerRateLimitExceeded' },
      headers: { 'retry-after': '1' },
    },
    unavailable: { status: 500, code: 'ServiceException', message: 'An internal error occurred.' },
    denied: { status: 403, code: 'AccessDeniedException', message: (d) => d },
    notEnabled: {
      status: 403,
      code: 'AccessDeniedException',
      message: 'The lambda service is not enabled for this account.',
    },
    missing: {
      status: 403,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    },
    unknownKey: { status: 403, code: 'UnrecognizedClientException', message: INVALID_TOKEN },
    badSignature: { status: 403, code: 'InvalidSignatureException', message: BAD_SIGNATURE },
  },
};

/** The standard error for `situation`; S3 also names the access key in credential errors. */
export function standardError(
  protocol: AwsProtocol,
  service: string,
  situation: Situation,
  denial = '',
  accessKeyId?: string,
): SimResponse {
  const spec = ERRORS[protocol][situation];
  const message = typeof spec.message === 'function' ? spec.message(denial) : spec.message;
  const extra =
    protocol === 's3' && accessKeyId ? { ...spec.extra, AWSAccessKeyId: accessKeyId } : (spec.extra ?? {});
  return awsError(protocol, service, spec.status, spec.code, message, extra, spec.headers ?? {});
}

/** Standard errors for one call. */
export function callErrors(protocol: AwsProtocol, service: string, api: string, account: string): CallErrors {
  const action = `${service}:${api}`;
  const denial = `User: ${callerArn(account)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
  return {
    throttled: () => standardError(protocol, service, 'throttled'),
    unavailable: () => standardError(protocol, service, 'unavailable'),
    denied: (reason) =>
      standardError(protocol, service, reason === 'notEnabled' ? 'notEnabled' : 'denied', denial),
  };
}
