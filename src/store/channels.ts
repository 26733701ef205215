/**
 * Per-channel state: which dataset is active and the analysis settings. A
 * channel with no row yet uses the bundled sample and the defaults. The active
 * dataset is only honoured when it belongs to the same team + channel, so a
 * wrong id can never show one channel another's file.
 */
import { z } from 'zod';
import type {
  ActiveDataset,
  ChannelKey,
  ChannelSettings,
  ChannelView,
  SampleKind,
} from '../commands/context.ts';
import { FEATURE_NAME_PATTERN, K_LIMITS } from '../core/features.ts';
import { DEFAULT_ANALYSIS_OPTIONS } from '../core/options.ts';
import { SCALINGS } from '../core/types.ts';
import { datasetFromRow, datasetRowSchema } from './datasets.ts';
import type { Database } from './db.ts';

export const defaultSettings = (): ChannelSettings => ({
  k: null,
  features: [...DEFAULT_ANALYSIS_OPTIONS.features],
  scaling: null,
});

const featuresJson = z
  .string()
  .transform((text) => JSON.parse(text) as unknown)
  // Catalogue names or the file's own numeric columns (`visits`), as the grammar lets through.
  .pipe(z.array(z.string().regex(FEATURE_NAME_PATTERN)).min(1));

const stateRowSchema = z.object({
  k: z.number().int().min(K_LIMITS.min).max(K_LIMITS.max).nullable(),
  features: featuresJson,
  scaling: z.enum(SCALINGS).nullable(),
  dataset_id: z.number().int().nullable(),
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  sample: z.enum(['customers', 'orders']),
});

const VIEW_SQL = `
SELECT s.k, s.features, s.scaling, s.as_of, s.sample, d.id AS dataset_id,
       d.id, d.team_id, d.channel_id, d.file_name, d.uploaded_by, d.uploaded_at, d.rows, d.skipped_rows, d.sha256, d.holds
FROM channel_state s
LEFT JOIN datasets d ON d.id = s.dataset_id AND d.team_id = s.team_id AND d.channel_id = s.channel_id
WHERE s.team_id = ? AND s.channel_id = ?`;

/** A channel without a row uses the sample; the first write creates the row with the defaults. */
const INSERT_SQL = `
INSERT INTO channel_state (team_id, channel_id, dataset_id, k, features, scaling, as_of, sample, updated_at)
VALUES (@teamId, @channelId, @datasetId, @k, @features, @scaling, @asOf, @sample, @updatedAt)`;

/**
 * Each setting is written on its own, in one statement, so two commands that
 * read the channel at the same time never undo each other, and writing a
 * setting never touches dataset_id (an upload may have been saved meanwhile,
 * on the worker's connection).
 */
const SAVE_K_SQL = `${INSERT_SQL}
ON CONFLICT (team_id, channel_id) DO UPDATE SET k = excluded.k, updated_at = excluded.updated_at`;

const SAVE_FEATURES_SQL = `${INSERT_SQL}
ON CONFLICT (team_id, channel_id) DO UPDATE SET
  features = excluded.features, scaling = excluded.scaling, updated_at = excluded.updated_at`;

const SAVE_AS_OF_SQL = `${INSERT_SQL}
ON CONFLICT (team_id, channel_id) DO UPDATE SET as_of = excluded.as_of, updated_at = excluded.updated_at`;

/**
 * A new upload: k and the analysis date go back to their defaults (both were
 * chosen for the old file), the channel's current features and scaling stay.
 */
const ACTIVATE_SQL = `${INSERT_SQL}
ON CONFLICT (team_id, channel_id) DO UPDATE SET
  dataset_id = excluded.dataset_id, k = NULL, as_of = NULL, updated_at = excluded.updated_at`;

const UPSERT_SQL = `${INSERT_SQL}
ON CONFLICT (team_id, channel_id) DO UPDATE SET
  dataset_id = excluded.dataset_id, k = excluded.k, features = excluded.features,
  scaling = excluded.scaling, as_of = excluded.as_of, sample = excluded.sample, updated_at = excluded.updated_at`;

export class ChannelRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: () => Date,
  ) {}

  view(key: ChannelKey): ChannelView {
    const raw = this.db.prepare(VIEW_SQL).get(key.teamId, key.channelId);
    if (raw === undefined) return { dataset: { kind: 'sample' }, settings: defaultSettings() };
    const state = stateRowSchema.parse(raw);
    const dataset: ActiveDataset =
      state.dataset_id !== null
        ? datasetFromRow(datasetRowSchema.parse(raw))
        : state.sample === 'orders'
          ? { kind: 'sample', holds: 'orders' }
          : { kind: 'sample' };
    const settings: ChannelSettings = { k: state.k, features: state.features, scaling: state.scaling };
    return { dataset, settings: state.as_of === null ? settings : { ...settings, asOf: state.as_of } };
  }

  /** k only (null: the recommended k); features, scaling and the dataset stay as they are now. */
  saveK(key: ChannelKey, k: number | null): void {
    this.db.prepare(SAVE_K_SQL).run(this.row(key, null, { ...defaultSettings(), k }));
  }

  /** Features and scaling only; k and the dataset stay as they are now. */
  saveFeatures(
    key: ChannelKey,
    features: ChannelSettings['features'],
    scaling: ChannelSettings['scaling'],
  ): void {
    this.db.prepare(SAVE_FEATURES_SQL).run(this.row(key, null, { k: null, features, scaling }));
  }

  /** The analysis date only (null: the day after the last invoice); everything else stays as it is now. */
  saveAsOf(key: ChannelKey, asOf: string | null): void {
    const settings = defaultSettings();
    this.db
      .prepare(SAVE_AS_OF_SQL)
      .run(this.row(key, null, asOf === null ? settings : { ...settings, asOf }));
  }

  /** Makes an upload active with k = null, keeping the channel's current features and scaling. */
  activate(key: ChannelKey, datasetId: number): void {
    this.db.prepare(ACTIVATE_SQL).run(this.row(key, datasetId, defaultSettings()));
  }

  /** Makes a dataset (or a sample, with null) active together with its settings. */
  write(
    key: ChannelKey,
    datasetId: number | null,
    settings: ChannelSettings,
    sample: SampleKind = 'customers',
  ): void {
    this.db.prepare(UPSERT_SQL).run(this.row(key, datasetId, settings, sample));
  }

  private row(
    key: ChannelKey,
    datasetId: number | null,
    settings: ChannelSettings,
    sample: SampleKind = 'customers',
  ) {
    return {
      teamId: key.teamId,
      channelId: key.channelId,
      datasetId,
      k: settings.k,
      features: JSON.stringify(settings.features),
      scaling: settings.scaling,
      asOf: settings.asOf ?? null,
      sample,
      updatedAt: this.clock().toISOString(),
    };
  }

  /** Back to a bundled sample (the customers unless told) with the default settings. */
  reset(key: ChannelKey, sample: SampleKind = 'customers'): void {
    this.write(key, null, defaultSettings(), sample);
  }
}
