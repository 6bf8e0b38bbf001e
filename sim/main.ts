/**
 * `npm run -s sim -- --resources N --seed S [--port P] [--latency-ms MS] [--profile FILE]`:
 * starts the simulator, prints one JSON line when ready, runs until SIGTERM or SIGINT.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { infoOf, startSimulator } from './index.ts';
import { validateProfile } from './profile.ts';

const USAGE =
  'usage: npm run -s sim -- --resources N [--seed S] [--port P] [--latency-ms MS] [--profile FILE] [--dir DIR]';

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new Error(`--${name} must be a number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      resources: { type: 'string' },
      seed: { type: 'string' },
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      profile: { type: 'string' },
      dir: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.resources === undefined) throw new Error(`--resources is required\n${USAGE}`);
  const profile = values.profile
    ? validateProfile(JSON.parse(await readFile(values.profile, 'utf8')))
    : undefined;
  const seed = integer(values.seed, 'seed');
  const port = integer(values.port, 'port');
  const latencyMs = integer(values['latency-ms'], 'latency-ms');
  const sim = await startSimulator({
    resources: integer(values.resources, 'resources') as number,
    ...(seed === undefined ? {} : { seed }),
    ...(port === undefined ? {} : { port }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
    ...(profile ? { profile } : {}),
    ...(values.dir ? { dir: values.dir } : {}),
  });
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // Only now: a client may send SIGTERM the moment it reads the line.
  process.stdout.write(`${JSON.stringify(infoOf(sim))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
