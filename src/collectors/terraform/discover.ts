/**
 * Finding Terraform state: `*.tfstate` files under directories (`--path`), and files, globs and
 * http(s) URLs named with `--state`. `.terraform/` holds the backend's configuration, possibly
 * with credentials, and is never read as state.
 */
import { glob, opendir, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

/** Where a state comes from, and the name it goes by in uids and `managedBy.state`. */
export type StateSource =
  | { readonly kind: 'file'; readonly name: string; readonly path: string }
  | { readonly kind: 'url'; readonly name: string; readonly url: string };

/** A place that could not be searched, reported without stopping the others. */
export interface DiscoveryProblem {
  readonly scope: string;
  readonly code: 'not-found' | 'unreadable' | 'unsupported-url' | 'not-state';
  readonly message: string;
}

/** Directories never descended into: backend config, VCS data, dependencies. */
const SKIPPED_DIRECTORIES = new Set(['.terraform', '.git', 'node_modules']);

const GLOB_CHARACTERS = /[*?[\]{}]/;

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function insideTerraformDirectory(path: string): boolean {
  return toPosix(path).split('/').includes('.terraform');
}

/** The state's name for a URL: no credentials, no query (it may hold a token). */
export function urlStateName(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

async function* walk(directory: string): AsyncGenerator<string> {
  const entries = await opendir(directory);
  const subdirectories: string[] = [];
  const files: string[] = [];
  for await (const entry of entries) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) subdirectories.push(entry.name);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.tfstate')) {
      files.push(entry.name);
    }
  }
  for (const file of files.sort()) yield join(directory, file);
  for (const subdirectory of subdirectories.sort()) yield* walk(join(directory, subdirectory));
}

function problemOf(scope: string, error: unknown): DiscoveryProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { scope, code: 'not-found', message: `${scope}: no such file or directory` };
  return { scope, code: 'unreadable', message: `${scope}: cannot read (${code ?? 'error'})` };
}

/**
 * Lists the states named by `paths` (directories) and `states` (files, globs, URLs), each once.
 * With several directories, names keep the directory as given so they cannot collide.
 */
export async function discoverStates(
  paths: readonly string[],
  states: readonly string[],
): Promise<{ sources: StateSource[]; problems: DiscoveryProblem[] }> {
  const sources: StateSource[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const add = (source: StateSource) => {
    const key = source.kind === 'file' ? `file:${source.path}` : `url:${source.url}`;
    if (seen.has(key)) return;
    seen.add(key);
    sources.push(source);
  };

  for (const directory of paths) {
    try {
      const info = await stat(directory);
      if (info.isFile()) {
        add({ kind: 'file', name: toPosix(basename(directory)), path: directory });
        continue;
      }
      for await (const file of walk(directory)) {
        const rel = toPosix(relative(directory, file));
        add({ kind: 'file', name: paths.length > 1 ? toPosix(join(directory, rel)) : rel, path: file });
      }
    } catch (error) {
      problems.push(problemOf(directory, error));
    }
  }

  for (const state of states) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(state)) {
      let url: URL;
      try {
        url = new URL(state);
      } catch {
        problems.push({ scope: state, code: 'unsupported-url', message: 'not a valid URL' });
        continue;
      }
      if (url.protocol === 'http:' || url.protocol === 'https:')
        add({ kind: 'url', name: urlStateName(url), url: state });
      else {
        const scope = urlStateName(url);
        problems.push({
          scope,
          code: 'unsupported-url',
          message: `${url.protocol}// state URLs are not supported yet; use http(s) or a local file`,
        });
      }
      continue;
    }
    if (GLOB_CHARACTERS.test(state)) {
      const matches: string[] = [];
      for await (const match of glob(state, {
        exclude: (name) => SKIPPED_DIRECTORIES.has(basename(String(name))),
      })) {
        if (!insideTerraformDirectory(match)) matches.push(match);
      }
      if (matches.length === 0)
        problems.push({ scope: state, code: 'not-found', message: `${state}: no file matches` });
      for (const match of matches.sort()) add({ kind: 'file', name: toPosix(match), path: match });
      continue;
    }
    if (insideTerraformDirectory(state)) {
      problems.push({
        scope: state,
        code: 'not-state',
        message: `${state}: files under .terraform/ hold the backend configuration, not state; not read`,
      });
      continue;
    }
    add({ kind: 'file', name: toPosix(state), path: state });
  }
  return { sources, problems };
}
