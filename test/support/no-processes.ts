/**
 * The unit project's promise, kept at run time: a unit test that starts a
 * child process fails at once, naming the call, instead of slowing every run
 * (such a test belongs in e2e: test/e2e/ or a `*.e2e.test.ts` file).
 * syncBuiltinESMExports makes `import { spawn } from 'node:child_process'`
 * see the replacement too, not only require().
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const CALLS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const call of CALLS) {
  Object.defineProperty(childProcess, call, {
    configurable: true,
    writable: true,
    value: () => {
      throw new Error(`child_process.${call} in a unit test: move the test to the e2e project`);
    },
  });
}
syncBuiltinESMExports();
