/** Shared helpers of the simulator tests: reading the truth and comparing uid sets. */
import { execFileSync } from 'node:child_process';
import { createSign } from 'node:crypto';

/** One truth line. */
export interface TruthLine {
  uid: string;
  type: string;
  provider: string;
  account: string;
}

/** Reads the truth endpoint with optional filters. */
export async function readTruth(
  truthUrl: string,
  filter: { provider?: string; account?: string } = {},
): Promise<TruthLine[]> {
  const url = new URL(truthUrl);
  if (filter.provider) url.searchParams.set('provider', filter.provider);
  if (filter.account) url.searchParams.set('account', filter.account);
  const text = await (await fetch(url)).text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as TruthLine);
}

/** The uids of the truth lines of the given types, sorted. */
export function uidsOf(lines: readonly TruthLine[], types?: readonly string[]): string[] {
  return lines
    .filter((l) => !types || types.includes(l.type))
    .map((l) => l.uid)
    .sort();
}

/** Sorted copy, so uid lists compare with deepStrictEqual. */
export function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** True when an executable is on PATH. */
export function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The fields of a service-account key file that sign an OAuth assertion. */
export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
  token_uri: string;
}

/** An RS256 JWT-bearer assertion for the key's token endpoint (and its unsigned part). */
export function signedAssertion(
  key: ServiceAccountKey,
  scope: string,
): { unsigned: string; assertion: string } {
  const now = Math.floor(Date.now() / 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { iss: key.client_email, scope, aud: key.token_uri, iat: now, exp: now + 3600 };
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.private_key).toString('base64url');
  return { unsigned, assertion: `${unsigned}.${signature}` };
}
