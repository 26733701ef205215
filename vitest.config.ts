import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: in-process tests, no child processes, no whole-app runs,
 * no 100k-row data; quick enough to run on every change (`npm run test:unit`).
 * `e2e`: everything that spawns a process, starts the whole app or uses 100k+
 * rows; it lives in test/e2e/ or, to keep tests beside what they prove, in a
 * file named `*.e2e.test.ts` at the mirrored path. `npm test` runs both.
 *
 * `unit` runs without per-file isolation: each file importing vega, sharp and
 * Bolt afresh cost more than the tests themselves (103 s → 59 s for the
 * project on this machine). Unit tests share no module state; a test that
 * needs to mutate a module (vi.mock, globals) belongs in `e2e`.
 */
const E2E = ['test/e2e/**/*.test.ts', 'test/**/*.e2e.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: E2E,
          isolate: false,
          // A child process started in a unit test throws (test/support/no-processes.ts).
          setupFiles: ['test/support/no-processes.ts'],
        },
      },
      { extends: true, test: { name: 'e2e', include: E2E } },
    ],
  },
});
