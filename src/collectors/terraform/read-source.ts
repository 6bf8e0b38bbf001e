/**
 * Reading one state's text from where it lives: a local file, or an http(s) URL (Terraform's
 * `http` backend serves state with a GET). Failures become `ProviderError`s naming the state.
 */
import { readFile } from 'node:fs/promises';
import { ProviderError } from '../../core/errors.ts';
import type { StateSource } from './discover.ts';

function fileError(source: StateSource, provider: string, error: unknown): ProviderError {
  const code = (error as NodeJS.ErrnoException).code;
  const context = { provider, scope: source.name, api: 'read-state' };
  if (code === 'ENOENT') return new ProviderError('not-found', `${source.name}: no such file`, context);
  if (code === 'EACCES')
    return new ProviderError('access-denied', `${source.name}: permission denied`, context);
  if (code === 'EISDIR')
    return new ProviderError('not-state', `${source.name}: is a directory (use --path)`, context);
  return new ProviderError('unreadable', `${source.name}: cannot read (${code ?? 'error'})`, context);
}

async function fetchState(url: string, name: string, provider: string, signal: AbortSignal): Promise<string> {
  const target = new URL(url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (target.username || target.password) {
    const user = decodeURIComponent(target.username);
    const password = decodeURIComponent(target.password);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const context = { provider, scope: name, api: 'read-state' };
  let response: Response;
  try {
    response = await fetch(target, { headers, signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? 'network error';
    throw new ProviderError('unreachable', `${name}: cannot fetch (${cause})`, context);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const code =
      response.status === 404
        ? 'not-found'
        : response.status === 401 || response.status === 403
          ? 'access-denied'
          : 'http-error';
    throw new ProviderError(code, `${name}: HTTP ${response.status}`, context);
  }
  return response.text();
}

/** The text of one state. */
export async function readSource(
  source: StateSource,
  provider: string,
  signal: AbortSignal,
): Promise<string> {
  if (source.kind === 'url') return fetchState(source.url, source.name, provider, signal);
  try {
    return await readFile(source.path, { encoding: 'utf8', signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw fileError(source, provider, error);
  }
}
