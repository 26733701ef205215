/**
 * Values at and beyond the edge of what a number can be, for the fuzz tests of
 * ingest, the command grammar and predict: finite extremes (1e308, 5e-324),
 * negative zero, numbers past every plausible bound (9,999,999,999), words
 * JavaScript would turn into numbers ("Infinity", "NaN", "0x10") and digit
 * strings too long for a double. A seeded generator mixes them with ordinary
 * values so every run sees the same cases.
 */
import { createRng } from '../../src/core/random.ts';

export const EXTREME_TEXTS: readonly string[] = [
  '1e160',
  '1e155',
  '1e308',
  '-1e308',
  '1.7976931348623157e308',
  '-0',
  '0',
  '-0.0',
  '+0',
  '5e-324',
  '0.0000001',
  '9999999999',
  '10000',
  '10000.0001',
  '120',
  '121',
  '100',
  '1',
  '0.5',
  '.5',
  '5.',
  '+42',
  '-1',
  '9'.repeat(400),
  `1${'0'.repeat(320)}`,
  `0.${'0'.repeat(400)}1`,
  `00000000000000000000042`,
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '0x10',
  '1_000',
  '1,000',
  '1e3',
  ' 42 ',
  '٤٢',
  '42abc',
  '',
  '-',
  '.',
];

/** An extreme text three times in four, else an ordinary value (so files keep some valid rows). */
export function extremeCells(seed: number): (ordinary: () => string) => string {
  const rng = createRng(seed);
  return (ordinary) => (rng() < 0.75 ? EXTREME_TEXTS[Math.floor(rng() * EXTREME_TEXTS.length)]! : ordinary());
}

/** A seeded whole number in [lo, hi]. */
export function wholeIn(seed: number): (lo: number, hi: number) => number {
  const rng = createRng(seed);
  return (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
}
