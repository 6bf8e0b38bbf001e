/**
 * Preloaded into a measured wgo process (`node --import`): on exit it writes the process's peak
 * resident memory (KiB) to the file named by WGO_BENCH_RSS_FILE, so the harness measures wgo's
 * own memory without a tool of its own.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.WGO_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
