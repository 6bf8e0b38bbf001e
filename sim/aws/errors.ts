/**
 * AWS error bodies in each protocol's own format, and the standard answers (throttled,
 * unavailable, denied, authentication failures) each protocol gives.
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
      return xml(
        status,
        `${XML_DECLARATION}<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${details}<RequestId>${requestId.slice(0, 16).toUpperCase()}</RequestId><HostId>${Buffer.from(requestId).toString('base64')}</HostId></Error>`,
        {
          'x-amz-request-id': requestId.slice(0, 16).toUpperCase(),
          'content-type': 'application/xml',
          ...headers,
        },
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

/** Standard errors for one call. */
export function callErrors(protocol: AwsProtocol, service: string, api: string, account: string): CallErrors {
  const action = `${service}:${api}`;
  return {
    throttled: () => {
      switch (protocol) {
        case 'ec2':
          return awsError(protocol, service, 503, 'RequestLimitExceeded', 'Request limit exceeded.');
        case 'query':
          return awsError(protocol, service, 400, 'Throttling', 'Rate exceeded');
        case 's3':
          return awsError(protocol, service, 503, 'SlowDown', 'Please reduce your request rate.');
        case 'lambda':
          return awsError(
            protocol,
            service,
            429,
            'TooManyRequestsException',
            'Rate exceeded',
            { Reason: 'CallerRateLimitExceeded' },
            { 'retry-after': '1' },
          );
      }
    },
    unavailable: () => {
      switch (protocol) {
        case 'ec2':
          return awsError(
            protocol,
            service,
            503,
            'Unavailable',
            "The server is overloaded and can't handle the request.",
          );
        case 'query':
          return awsError(
            protocol,
            service,
            503,
            'ServiceUnavailable',
            'Service is unable to handle request.',
          );
        case 's3':
          return awsError(
            protocol,
            service,
            500,
            'InternalError',
            'We encountered an internal error. Please try again.',
          );
        case 'lambda':
          return awsError(protocol, service, 500, 'ServiceException', 'An internal error occurred.');
      }
    },
    denied: (reason) => {
      const message = `User: ${callerArn(account)} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`;
      if (reason === 'notEnabled') {
        return protocol === 'lambda'
          ? awsError(
              protocol,
              service,
              403,
              'AccessDeniedException',
              `The ${service} service is not enabled for this account.`,
            )
          : awsError(
              protocol,
              service,
              protocol === 'ec2' ? 401 : 403,
              'OptInRequired',
              'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.',
            );
      }
      switch (protocol) {
        case 'ec2':
          return awsError(
            protocol,
            service,
            403,
            'UnauthorizedOperation',
            `You are not authorized to perform this operation. ${message}`,
          );
        case 'query':
          return awsError(protocol, service, 403, 'AccessDenied', message);
        case 's3':
          return awsError(protocol, service, 403, 'AccessDenied', 'Access Denied');
        case 'lambda':
          return awsError(protocol, service, 403, 'AccessDeniedException', message);
      }
    },
  };
}

/** Answers for requests that fail authentication, as each protocol words them. */
export const authErrors = {
  missing(protocol: AwsProtocol, service: string): SimResponse {
    switch (protocol) {
      case 'ec2':
        return awsError(
          protocol,
          service,
          401,
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
        );
      case 'query':
        return awsError(
          protocol,
          service,
          403,
          'MissingAuthenticationToken',
          'Request is missing Authentication Token',
        );
      case 's3':
        return awsError(protocol, service, 403, 'AccessDenied', 'Access Denied');
      case 'lambda':
        return awsError(
          protocol,
          service,
          403,
          'MissingAuthenticationTokenException',
          'Missing Authentication Token',
        );
    }
  },
  unknownKey(protocol: AwsProtocol, service: string, accessKeyId: string): SimResponse {
    switch (protocol) {
      case 'ec2':
        return awsError(
          protocol,
          service,
          401,
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
        );
      case 'query':
        return awsError(
          protocol,
          service,
          403,
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
        );
      case 's3':
        return awsError(
          protocol,
          service,
          403,
          'InvalidAccessKeyId',
          'The AWS Access Key Id you provided does not exist in our records.',
          { AWSAccessKeyId: accessKeyId },
        );
      case 'lambda':
        return awsError(
          protocol,
          service,
          403,
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
        );
    }
  },
  badSignature(protocol: AwsProtocol, service: string, accessKeyId: string): SimResponse {
    const message =
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
    switch (protocol) {
      case 'ec2':
        return awsError(
          protocol,
          service,
          401,
          'AuthFailure',
          'AWS was not able to validate the provided access credentials',
        );
      case 'query':
        return awsError(protocol, service, 403, 'SignatureDoesNotMatch', message);
      case 's3':
        return awsError(protocol, service, 403, 'SignatureDoesNotMatch', message, {
          AWSAccessKeyId: accessKeyId,
        });
      case 'lambda':
        return awsError(protocol, service, 403, 'InvalidSignatureException', message);
    }
  },
};
