// Worker entry: the worker code is TypeScript, and Node 20 does not apply an
// `--import tsx` given in a worker's execArgv before its entry loads, so the
// loader is registered here, in plain JavaScript, first.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
