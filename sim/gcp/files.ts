/** The service-account key file (`gcpCredentials`). */
import type { GcpAuth } from './auth.ts';

/** A key file in Google's format, whose `token_uri` is the simulator's token endpoint. */
export function serviceAccountKey(auth: GcpAuth, project: string, tokenUri: string): string {
  return `${JSON.stringify(
    {
      type: 'service_account',
      project_id: project,
      private_key_id: auth.keyId,
      private_key: auth.privateKeyPem,
      client_email: auth.clientEmail,
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(auth.clientEmail)}`,
      universe_domain: 'googleapis.com',
    },
    null,
    2,
  )}\n`;
}
