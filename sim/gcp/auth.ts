/**
 * Google authentication as a service-account key allows it: a self-signed RS256 JWT verified
 * against the simulator's own key (any audience), or an access token from the simulator's OAuth
 * token endpoint (the key file's `token_uri`).
 */
import { generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto';

/** The simulator's service account and the tokens it issued. */
export class GcpAuth {
  readonly privateKeyPem: string;
  readonly keyId: string;
  readonly clientEmail: string;
  readonly #publicKey: KeyObject;
  readonly #tokens = new Set<string>();

  constructor(project: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.#publicKey = publicKey;
    this.keyId = randomBytes(20).toString('hex');
    this.clientEmail = `wgo-scanner@${project}.iam.gserviceaccount.com`;
  }

  /** Verifies a compact JWS signed with the simulator's key; returns its claims or undefined. */
  verifyJwt(token: string, nowSeconds = Date.now() / 1000): Record<string, unknown> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header64, claims64, signature64] = parts as [string, string, string];
    let header: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      header = JSON.parse(Buffer.from(header64, 'base64url').toString());
      claims = JSON.parse(Buffer.from(claims64, 'base64url').toString());
    } catch {
      return undefined;
    }
    if (header.alg !== 'RS256') return undefined;
    const valid = verify(
      'RSA-SHA256',
      Buffer.from(`${header64}.${claims64}`),
      this.#publicKey,
      Buffer.from(signature64, 'base64url'),
    );
    if (!valid) return undefined;
    if (claims.iss !== this.clientEmail) return undefined;
    if (typeof claims.exp === 'number' && claims.exp < nowSeconds - 60) return undefined;
    return claims;
  }

  /** Issues an access token for a valid assertion. */
  issueToken(assertion: string): string | undefined {
    if (!this.verifyJwt(assertion)) return undefined;
    const token = `ya29.sim.${randomBytes(24).toString('base64url')}`;
    this.#tokens.add(token);
    return token;
  }

  /** True for a bearer credential the simulator accepts. */
  accepts(bearer: string): boolean {
    return this.#tokens.has(bearer) || this.verifyJwt(bearer) !== undefined;
  }
}
