/**
 * The bot's storage in one object: the database plus one repository per table.
 * Everything here is synchronous (better-sqlite3); each call is small and
 * indexed, so it is safe on the event loop.
 */
import type { UploadedDataset } from '../commands/context.ts';
import { AnalysisRepository } from './analyses.ts';
import { ChannelRepository } from './channels.ts';
import { ChartImageRepository } from './chart-images.ts';
import type { StoredTable } from './columns.ts';
import { DatasetRepository } from './datasets.ts';
import { type Database, openDatabase } from './db.ts';
import { EventRepository } from './events.ts';
import { SqliteJobQueue } from './jobs.ts';
import { UploadRepository } from './uploads.ts';

export interface Store {
  readonly db: Database;
  readonly channels: ChannelRepository;
  readonly datasets: DatasetRepository;
  readonly uploads: UploadRepository;
  readonly events: EventRepository;
  readonly analyses: AnalysisRepository;
  readonly chartImages: ChartImageRepository;
  readonly jobs: SqliteJobQueue;
  close(): void;
}

export const DATABASE_FILE_NAME = 'segment-bot.sqlite';

export function openStore(file: string, clock: () => Date = () => new Date()): Store {
  const db = openDatabase(file);
  const datasets = new DatasetRepository(db);
  const channels = new ChannelRepository(db, clock);
  return {
    db,
    channels,
    datasets,
    uploads: new UploadRepository(db, datasets, channels),
    events: new EventRepository(db, clock),
    analyses: new AnalysisRepository(db, clock),
    chartImages: new ChartImageRepository(db, clock),
    jobs: new SqliteJobQueue(db, { clock }),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** The store's parsed-table cache in the shape the pipeline asks for (pipeline/tables.ts ColumnStore). */
export function columnStore(store: Store) {
  return {
    load: (dataset: UploadedDataset) => store.datasets.columns(dataset, dataset.id),
    save: (dataset: UploadedDataset, parsed: StoredTable) => store.datasets.saveColumns(dataset.id, parsed),
  };
}
