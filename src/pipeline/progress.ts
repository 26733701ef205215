/**
 * Progress for big uploads: the bytes are fed to the CSV reader in slices, and
 * every so many rows a short line goes back to the user. The total is an
 * estimate (line breaks inside quotes or blank lines are counted as rows),
 * hence the "~".
 */
import { formatCount } from '../commands/format.ts';
import type { Progress } from './types.ts';

/** Files smaller than this finish too fast for progress lines to help. */
export const PROGRESS_MIN_ROWS = 100_000;
const SLICE_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  let at = bytes.indexOf(NEWLINE);
  while (at !== -1) {
    lines++;
    at = bytes.indexOf(NEWLINE, at + 1);
  }
  const endsWithBreak = bytes.length > 0 && bytes[bytes.length - 1] === NEWLINE;
  return bytes.length === 0 ? 0 : lines + (endsWithBreak ? 0 : 1);
}

/** A round report step giving about four lines per file: 250,000 for a million rows, 100,000 for 300,000. */
export function reportStep(totalRows: number): number {
  const quarter = Math.max(totalRows / 4, 1);
  const magnitude = 10 ** Math.floor(Math.log10(quarter));
  const round = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((step) => step >= quarter);
  return round ?? 10 * magnitude;
}

/** The bytes as slices for readCustomers (or the order-line reader, `unit` 'order lines'), calling onProgress as rows go by. */
export async function* withProgress(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: Progress,
  unit = 'rows',
): AsyncGenerator<Uint8Array> {
  const totalRows = Math.max(countLines(bytes) - 1, 0);
  const report = onProgress && totalRows >= PROGRESS_MIN_ROWS ? onProgress : undefined;
  const step = reportStep(totalRows);
  let rows = 0;
  let nextReport = step;
  report?.(`Reading ${fileName}: ~${formatCount(totalRows)} ${unit}…`, 0);
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const slice = bytes.subarray(at, at + SLICE_BYTES);
    yield slice;
    rows += countLines(slice) - (slice[slice.length - 1] === NEWLINE ? 0 : 1);
    if (report && rows >= nextReport && rows < totalRows) {
      // One line per slice at most, naming the last round step passed.
      const passed = Math.floor(rows / step) * step;
      report(`Read ${formatCount(passed)} of ~${formatCount(totalRows)} ${unit}…`, passed / totalRows);
      nextReport = passed + step;
    }
  }
}
