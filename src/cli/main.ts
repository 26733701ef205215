// Process entry for `segment` / `npm run segment`; the logic lives in cli.ts.
import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));
