/** Prints the README's flag table: `node scripts/flag-table.ts`. */
import { flagTable } from '../src/cli/flag-table.ts';

process.stdout.write(`${flagTable()}\n`);
