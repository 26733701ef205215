/**
 * Uploaded files, bytes included. Reads are always scoped by team + channel;
 * rows are validated on the way out so a hand-edited or half-migrated database
 * fails loudly instead of producing a wrong answer.
 */
import { z } from 'zod';
import {
  type ChannelKey,
  DATASET_HOLDS,
  type DatasetHolds,
  type UploadedDataset,
} from '../commands/context.ts';
import { COLUMNS_FORMAT, decodeTable, encodeTable, type StoredTable } from './columns.ts';
import type { Database } from './db.ts';

export interface NewDataset {
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  rows: number;
  skippedRows: number;
  bytes: Uint8Array;
  sha256: string;
  holds: DatasetHolds;
  /** The delivery that saved it (e.g. `slack-job:42`): saving again with the same key saves nothing. */
  sourceKey?: string;
}

export const datasetRowSchema = z.object({
  id: z.number().int(),
  team_id: z.string(),
  channel_id: z.string(),
  file_name: z.string(),
  uploaded_by: z.string(),
  uploaded_at: z.iso.datetime(),
  rows: z.number().int().min(0),
  skipped_rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  holds: z.enum(DATASET_HOLDS),
});
export type DatasetRow = z.infer<typeof datasetRowSchema>;

export const datasetFromRow = (row: DatasetRow): UploadedDataset => ({
  kind: 'upload',
  id: row.id,
  teamId: row.team_id,
  channelId: row.channel_id,
  fileName: row.file_name,
  uploadedBy: row.uploaded_by,
  uploadedAt: new Date(row.uploaded_at),
  rows: row.rows,
  skippedRows: row.skipped_rows,
  sha256: row.sha256,
  holds: row.holds,
});

const COLUMNS =
  'id, team_id, channel_id, file_name, uploaded_by, uploaded_at, rows, skipped_rows, sha256, holds';
const bytesRow = z.object({ bytes: z.instanceof(Uint8Array) });
const columnsRow = z.object({ format: z.number().int(), data: z.instanceof(Uint8Array) });

export class DatasetRepository {
  constructor(private readonly db: Database) {}

  insert(key: ChannelKey, dataset: NewDataset): number {
    const result = this.db
      .prepare(
        `INSERT INTO datasets (team_id, channel_id, file_name, uploaded_by, uploaded_at, rows, skipped_rows, bytes, sha256, holds, source_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        key.teamId,
        key.channelId,
        dataset.fileName,
        dataset.uploadedBy,
        dataset.uploadedAt.toISOString(),
        dataset.rows,
        dataset.skippedRows,
        Buffer.from(dataset.bytes.buffer, dataset.bytes.byteOffset, dataset.bytes.byteLength),
        dataset.sha256,
        dataset.holds,
        dataset.sourceKey ?? null,
      );
    return Number(result.lastInsertRowid);
  }

  /** The dataset a delivery already saved in this channel, if any. */
  idBySource(key: ChannelKey, sourceKey: string): number | null {
    const row = this.db
      .prepare('SELECT id FROM datasets WHERE team_id = ? AND channel_id = ? AND source_key = ?')
      .get(key.teamId, key.channelId, sourceKey) as { id: number } | undefined;
    return row?.id ?? null;
  }

  get(key: ChannelKey, id: number): UploadedDataset | null {
    const raw = this.db
      .prepare(`SELECT ${COLUMNS} FROM datasets WHERE id = ? AND team_id = ? AND channel_id = ?`)
      .get(id, key.teamId, key.channelId);
    return raw === undefined ? null : datasetFromRow(datasetRowSchema.parse(raw));
  }

  /** The original file; null when it was pruned or belongs to another channel. */
  bytes(key: ChannelKey, id: number): Uint8Array | null {
    const raw = this.db
      .prepare('SELECT bytes FROM datasets WHERE id = ? AND team_id = ? AND channel_id = ?')
      .get(id, key.teamId, key.channelId);
    return raw === undefined ? null : bytesRow.parse(raw).bytes;
  }

  /** The parsed table stored for a dataset; null when there is none (or of an older format). */
  columns(key: ChannelKey, id: number): StoredTable | null {
    const raw = this.db
      .prepare(
        `SELECT c.format, c.data FROM dataset_columns c JOIN datasets d ON d.id = c.dataset_id
         WHERE d.id = ? AND d.team_id = ? AND d.channel_id = ?`,
      )
      .get(id, key.teamId, key.channelId);
    if (raw === undefined) return null;
    const row = columnsRow.parse(raw);
    return row.format === COLUMNS_FORMAT ? decodeTable(row.data) : null;
  }

  saveColumns(id: number, stored: StoredTable): void {
    this.db
      .prepare('INSERT OR REPLACE INTO dataset_columns (dataset_id, format, data) VALUES (?, ?, ?)')
      .run(id, COLUMNS_FORMAT, encodeTable(stored));
  }

  /** Newest first. */
  list(key: ChannelKey): UploadedDataset[] {
    return this.db
      .prepare(`SELECT ${COLUMNS} FROM datasets WHERE team_id = ? AND channel_id = ? ORDER BY id DESC`)
      .all(key.teamId, key.channelId)
      .map((raw) => datasetFromRow(datasetRowSchema.parse(raw)));
  }

  /**
   * Keeps the newest `keep` files of a channel (and whichever is active) so the
   * database does not grow by a file per upload forever.
   */
  prune(key: ChannelKey, keep: number): number {
    return this.db
      .prepare(
        `DELETE FROM datasets WHERE team_id = @teamId AND channel_id = @channelId
           AND id NOT IN (SELECT id FROM datasets WHERE team_id = @teamId AND channel_id = @channelId ORDER BY id DESC LIMIT @keep)
           AND id NOT IN (SELECT dataset_id FROM channel_state
                          WHERE team_id = @teamId AND channel_id = @channelId AND dataset_id IS NOT NULL)`,
      )
      .run({ teamId: key.teamId, channelId: key.channelId, keep }).changes;
  }
}
