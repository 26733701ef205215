import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/segment.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('the installed segment command, as a real process', () => {
  it('analyses the bundled sample and exits 0', () => {
    const r = run('analyze', 'data/customers.csv');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/200 customers from customers\.csv fall into \d+ segments/);
  });

  it('exits 2 with one error line and no stack trace on bad input', () => {
    const r = run('analyze', 'no-such-file.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: no-such-file\.csv: there is no file at/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
