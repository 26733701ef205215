/**
 * Accepting an upload touches three tables; doing it in one transaction means a
 * crash or a failed step leaves the channel exactly as it was. Rejected
 * uploads are only recorded in the history.
 */
import { z } from 'zod';
import type { ChannelKey, UploadedDataset } from '../commands/context.ts';
import type { ChannelRepository } from './channels.ts';
import type { DatasetRepository, NewDataset } from './datasets.ts';
import type { Database } from './db.ts';

/** How many files a channel keeps (the active one is always kept). */
export const FILES_KEPT_PER_CHANNEL = 3;

export interface UploadAttempt {
  fileName: string;
  uploadedBy: string;
  at: Date;
}

const historyRowSchema = z.object({
  file_name: z.string(),
  uploaded_by: z.string(),
  at: z.iso.datetime(),
  outcome: z.enum(['accepted', 'rejected']),
  dataset_id: z.number().int().nullable(),
  rows: z.number().int().nullable(),
  skipped_rows: z.number().int().nullable(),
  error_code: z.string().nullable(),
  message: z.string().nullable(),
});
export type UploadHistoryRow = z.infer<typeof historyRowSchema>;

const INSERT_HISTORY = `
INSERT INTO upload_history (team_id, channel_id, file_name, uploaded_by, at, outcome, dataset_id, rows, skipped_rows, error_code, message)
VALUES (@teamId, @channelId, @fileName, @uploadedBy, @at, @outcome, @datasetId, @rows, @skippedRows, @errorCode, @message)`;

export class UploadRepository {
  constructor(
    private readonly db: Database,
    private readonly datasets: DatasetRepository,
    private readonly channels: ChannelRepository,
  ) {}

  /**
   * Saves the file, makes it active (k back to the recommendation, the
   * channel's features and scaling as they are at this moment), records it and
   * prunes old files: all or nothing. A delivery that already saved this
   * file (a job resumed after a crash before it answered) gets its dataset
   * back and nothing is written again: the channel's queue runs nothing else
   * in between, so that dataset is still the active one.
   */
  accept(key: ChannelKey, dataset: NewDataset): number {
    const commit = this.db.transaction(() => {
      const saved = dataset.sourceKey ? this.datasets.idBySource(key, dataset.sourceKey) : null;
      if (saved !== null) return saved;
      const id = this.datasets.insert(key, dataset);
      this.channels.activate(key, id);
      const attempt = { fileName: dataset.fileName, uploadedBy: dataset.uploadedBy, at: dataset.uploadedAt };
      this.record(key, attempt, 'accepted', {
        datasetId: id,
        rows: dataset.rows,
        skippedRows: dataset.skippedRows,
      });
      this.datasets.prune(key, FILES_KEPT_PER_CHANNEL);
      return id;
    });
    return commit.immediate();
  }

  /** accept, then the saved dataset as the channel will see it. */
  save(key: ChannelKey, dataset: NewDataset): UploadedDataset {
    const id = this.accept(key, dataset);
    const saved = this.datasets.get(key, id);
    if (!saved) throw new Error(`dataset ${id} vanished right after it was saved`);
    return saved;
  }

  reject(key: ChannelKey, attempt: UploadAttempt, error: { code: string; message: string }): void {
    this.record(key, attempt, 'rejected', { errorCode: error.code, message: error.message });
  }

  /** Newest first. */
  history(key: ChannelKey, limit = 20): UploadHistoryRow[] {
    return this.db
      .prepare(
        `SELECT file_name, uploaded_by, at, outcome, dataset_id, rows, skipped_rows, error_code, message
         FROM upload_history WHERE team_id = ? AND channel_id = ? ORDER BY id DESC LIMIT ?`,
      )
      .all(key.teamId, key.channelId, limit)
      .map((raw) => historyRowSchema.parse(raw));
  }

  private record(
    key: ChannelKey,
    attempt: UploadAttempt,
    outcome: 'accepted' | 'rejected',
    facts: { datasetId?: number; rows?: number; skippedRows?: number; errorCode?: string; message?: string },
  ): void {
    this.db.prepare(INSERT_HISTORY).run({
      teamId: key.teamId,
      channelId: key.channelId,
      fileName: attempt.fileName,
      uploadedBy: attempt.uploadedBy,
      at: attempt.at.toISOString(),
      outcome,
      datasetId: facts.datasetId ?? null,
      rows: facts.rows ?? null,
      skippedRows: facts.skippedRows ?? null,
      errorCode: facts.errorCode ?? null,
      message: facts.message ?? null,
    });
  }
}
