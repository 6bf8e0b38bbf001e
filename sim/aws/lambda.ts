/** Lambda (REST-JSON): ListFunctions at `GET /2015-03-31/functions/`, paged with Marker/MaxItems. */
import { randomUUID } from 'node:crypto';
import { json, type SimResponse } from '../http/types.ts';
import { decodeToken, encodeToken, pageOf } from '../util/paging.ts';
import { type AwsContext, type AwsService, awsCall, pageSize } from './context.ts';
import { awsError } from './errors.ts';

/** ListFunctions never returns more than 50 functions per page, whatever MaxItems says. */
const MAX_PAGE = 50;

function listFunctions(ctx: AwsContext): SimResponse {
  const q = ctx.request.query;
  const rawMax = q.get('MaxItems');
  const max = pageSize(rawMax, 1, 10_000, MAX_PAGE);
  if (max === undefined) {
    return awsError(
      'lambda',
      'lambda',
      400,
      'InvalidParameterValueException',
      `1 validation error detected: Value '${rawMax}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
    );
  }
  const listKey = `lambda|${ctx.account}|${ctx.region}`;
  const marker = q.get('Marker');
  const offset = marker ? decodeToken(listKey, marker) : 0;
  if (offset === undefined)
    return awsError('lambda', 'lambda', 400, 'InvalidParameterValueException', 'Invalid Marker');
  const cap = ctx.knobs.pageCap({ provider: 'aws', service: 'lambda', api: 'ListFunctions' }, MAX_PAGE);
  const collections = ctx.inventory.collections('lambda.function', {
    provider: 'aws',
    account: ctx.account,
    region: ctx.region,
  });
  const page = pageOf(collections, offset, Math.min(max, cap), (c, i) => c.item(i));
  return json(
    200,
    page.nextOffset === undefined
      ? { Functions: page.items }
      : { NextMarker: encodeToken(listKey, page.nextOffset), Functions: page.items },
    { 'x-amzn-requestid': randomUUID() },
  );
}

/** Lambda. */
export const lambda: AwsService = (ctx) => {
  const { request } = ctx;
  if (request.method === 'GET' && /^\/2015-03-31\/functions\/?$/.test(request.path)) {
    return awsCall(ctx, 'ListFunctions', () => listFunctions(ctx));
  }
  return awsError(
    'lambda',
    'lambda',
    404,
    'ResourceNotFoundException',
    `Unknown operation ${request.method} ${request.path}`,
  );
};
