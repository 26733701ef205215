/**
 * Issue 12's comparison: `segment analyze --json` end to end against the
 * pandas + scikit-learn reference (reference/segment_sklearn.py), run
 * alternately on the same generated file so both see the same machine load;
 * then each analysis phase against its plain-Node lower bound (bounds-once.ts).
 * Wall times and peak RSS come from /usr/bin/time, so start-up counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFile } from './files.ts';
import { median } from './stats.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const BIN = here('../../bin/segment.js');
const REFERENCE = here('./reference/segment_sklearn.py');
const PHASES = here('./analysis-once.ts');
const BOUNDS = here('./bounds-once.ts');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

export interface Timed {
  wallMs: number;
  peakRssMb: number;
}

export interface SpeedBench {
  rows: number;
  runs: number;
  project: Timed;
  reference: Timed | null;
  phases: Record<'parse' | 'eda' | 'sweep' | 'structure' | 'fit' | 'checks' | 'stability', number>;
  bounds: Record<'parse' | 'eda' | 'sweep' | 'fit', number>;
}

/** Why the reference cannot run here, or null when it can. */
export function referenceSkipReason(): string | null {
  if (!existsSync(TIME)) return `${TIME} is missing (needed for wall time and peak RSS)`;
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  const probe = spawnSync(PYTHON, ['-c', 'import pandas, sklearn, threadpoolctl'], { encoding: 'utf8' });
  if (probe.status !== 0)
    return 'pandas / scikit-learn are not installed for /usr/bin/python3 (Debian: apt-get install python3-sklearn python3-pandas)';
  return null;
}

function timed(command: string, args: string[]): Timed {
  const dir = mkdtempSync(join(tmpdir(), 'segment-time-'));
  try {
    const out = join(dir, 'time');
    const run = spawnSync(TIME, ['-f', '%e %M', '-o', out, command, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
    });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.slice(-500)}`);
    const [seconds, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallMs: seconds! * 1000, peakRssMb: kb! / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function childJson(script: string, args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(run.stdout);
}

const medianOf = (xs: Timed[]): Timed => ({
  wallMs: median(xs.map((x) => x.wallMs)),
  peakRssMb: Math.max(...xs.map((x) => x.peakRssMb)),
});

export function benchSpeed(rows: number, runs: number, withReference: boolean): SpeedBench {
  const file = benchFile(rows);
  const project: Timed[] = [];
  const reference: Timed[] = [];
  for (let r = 0; r < runs; r++) {
    project.push(timed(process.execPath, [BIN, 'analyze', file, '--json']));
    if (withReference) reference.push(timed(PYTHON, [REFERENCE, file]));
  }
  // Phases and bounds, each in a fresh process, interleaved and as many times as the wall times.
  const phaseRuns: Record<string, number>[] = [];
  const boundRuns: Record<string, number>[] = [];
  for (let r = 0; r < runs; r++) {
    phaseRuns.push(childJson(PHASES, [file]));
    boundRuns.push(childJson(BOUNDS, [file, '10000', '3000']));
  }
  const p = (key: string) => median(phaseRuns.map((x) => x[key]!));
  const b = (key: string) => median(boundRuns.map((x) => x[key]!));
  return {
    rows,
    runs,
    project: medianOf(project),
    reference: withReference ? medianOf(reference) : null,
    phases: {
      parse: p('parseMs'),
      eda: p('edaMs'),
      sweep: p('sweepMs'),
      structure: p('structureMs'),
      fit: p('fitMs'),
      checks: p('checksMs'),
      stability: p('stabilityMs'),
    },
    bounds: { parse: b('parseMs'), eda: b('edaMs'), sweep: b('sweepMs'), fit: b('fitMs') },
  };
}

/** Peak RSS of one project run (the 10,000,000-row memory goal). */
export function benchPeak(rows: number): Timed {
  return timed(process.execPath, [BIN, 'analyze', benchFile(rows), '--json']);
}
