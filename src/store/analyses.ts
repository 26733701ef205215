/**
 * A persistent cache of finished analyses, so a restart does not recompute a
 * million-row analysis. The JSON part holds everything but the per-customer
 * typed arrays, which are stored as raw little-endian BLOBs. Keys are made by
 * the caller from the file's content hash and the settings, so the same bytes
 * always map to the same, deterministic analysis.
 */
import { z } from 'zod';
import type { Analysis } from '../core/types.ts';
import type { Database } from './db.ts';

/** Entries kept; the least recently used go first. */
export const ANALYSES_KEPT = 50;

const blob = z.instanceof(Uint8Array);
const rowSchema = z.object({
  analysis_json: z.string(),
  labels: blob,
  silhouette_rows: blob,
  silhouette_values: blob,
});

/**
 * Rows cached before the extremes advice named customers (farthest) or the
 * fewer-segments remedy named a k are refused, so their remedies are not worded
 * from fields they lack. The core fingerprint in the settings key already keeps
 * such rows apart; this keeps the loader safe on its own, as the fields below do.
 */
const checkShape = z
  .looseObject({
    finding: z.looseObject({ code: z.string() }),
    advice: z.looseObject({ code: z.string(), farthest: z.array(z.string()).optional() }).optional(),
    action: z.looseObject({ action: z.string(), k: z.number().optional() }).optional(),
  })
  .refine(
    (c) =>
      (c.advice?.code !== 'check-extremes' || c.advice.farthest !== undefined) &&
      (c.action?.action !== 'fewer-k' || c.action.k !== undefined),
  );

/** Enough of the shape to refuse a row written by an incompatible version. */
const analysisShape = z.looseObject({
  version: z.literal(1),
  rows: z.number().int().min(0),
  k: z.number().int().min(1),
  // Rows cached while segments carried their advice as a sentence (hint) lack `advice`: recomputed.
  segments: z
    .array(
      z.looseObject({ id: z.number().int(), name: z.string(), advice: z.looseObject({ code: z.string() }) }),
    )
    .min(1),
  model: z.looseObject({ version: z.literal(1), centroids: z.array(z.array(z.number())) }),
  // startK arrived with the k choice's reason as data (phrases/selection.ts): older rows are recomputed.
  selection: z.looseObject({ rows: z.array(z.looseObject({ k: z.number() })), startK: z.number() }),
  eda: z.looseObject({ describe: z.array(z.unknown()) }),
  // Rows cached while checks carried sentences instead of finding codes: refuse them, so they are recomputed.
  assumptions: z.array(checkShape),
  notes: z.array(z.looseObject({ code: z.string() })),
  // Rows cached before breakdowns existed lack them: recomputed.
  breakdowns: z.array(z.looseObject({ column: z.string() })),
  // Rows cached before bootstrap stability existed lack it: refuse them, so they are recomputed.
  stability: z.looseObject({ resamples: z.number(), segments: z.array(z.unknown()) }),
});

// JSON has no NaN or Infinity (a zero-variance skewness is NaN); keep them exact.
const NON_FINITE = '$nonFinite';
const replacer = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? { [NON_FINITE]: String(value) } : value;
const reviver = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && NON_FINITE in value
    ? Number((value as Record<string, string>)[NON_FINITE])
    : value;

const asBuffer = (view: ArrayBufferView) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
/** Copies into a fresh, aligned ArrayBuffer (a Buffer from SQLite may sit at any offset). */
const aligned = (bytes: Uint8Array) => bytes.slice().buffer;

export class AnalysisRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  load(datasetKey: string, settingsKey: string): Analysis | null {
    const raw = this.db
      .prepare(
        'SELECT analysis_json, labels, silhouette_rows, silhouette_values FROM analyses WHERE dataset_key = ? AND settings_key = ?',
      )
      .get(datasetKey, settingsKey);
    if (raw === undefined) return null;
    const row = rowSchema.parse(raw);
    const parsed = analysisShape.safeParse(JSON.parse(row.analysis_json, reviver));
    const labels = new Int32Array(aligned(row.labels));
    if (!parsed.success || labels.length !== parsed.data.rows) return null;
    this.db
      .prepare('UPDATE analyses SET used_at = ? WHERE dataset_key = ? AND settings_key = ?')
      .run(this.clock().toISOString(), datasetKey, settingsKey);
    const silhouetteSample = {
      rows: new Int32Array(aligned(row.silhouette_rows)),
      values: new Float64Array(aligned(row.silhouette_values)),
    };
    return {
      ...(parsed.data as unknown as Omit<Analysis, 'labels' | 'silhouetteSample'>),
      labels,
      silhouetteSample,
    };
  }

  save(datasetKey: string, settingsKey: string, analysis: Analysis): void {
    const { labels, silhouetteSample, ...rest } = analysis;
    this.db
      .prepare(
        `INSERT OR REPLACE INTO analyses (dataset_key, settings_key, analysis_json, labels, silhouette_rows, silhouette_values, used_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        datasetKey,
        settingsKey,
        JSON.stringify(rest, replacer),
        asBuffer(labels),
        asBuffer(silhouetteSample.rows),
        asBuffer(silhouetteSample.values),
        this.clock().toISOString(),
      );
    this.prune(ANALYSES_KEPT);
  }

  prune(keep: number): number {
    return this.db
      .prepare(
        `DELETE FROM analyses WHERE rowid NOT IN (SELECT rowid FROM analyses ORDER BY used_at DESC, rowid DESC LIMIT ?)`,
      )
      .run(keep).changes;
  }
}
