/**
 * Customer tables for the engine: the bundled sample (read once) and uploaded
 * files (parsed from their stored bytes, a few kept in memory). Keys combine
 * the content hash with the file name, because the name appears in reports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ActiveDataset, UploadedDataset } from '../commands/context.ts';
import { customersToCsv, generateCustomers } from '../core/synthetic.ts';
import type { CustomerTable, SourceInfo } from '../core/types.ts';
import { type IngestLimits, type IngestResult, readCustomers } from '../ingest/csv.ts';
import type { CachePart, Lru } from './lru.ts';
import { withProgress } from './progress.ts';
import type { Progress } from './types.ts';

export interface LoadedTable {
  /** Identifies the content and name: the first half of every cache key. */
  key: string;
  table: CustomerTable;
  source: SourceInfo;
}

/** Returns the stored bytes of an upload, or null when they are gone. */
export type BytesLoader = (dataset: UploadedDataset) => Uint8Array | null;

/**
 * Parsed tables kept beside the bytes (store/columns.ts), so a cold load after
 * a restart reads typed columns instead of parsing the CSV again.
 */
export interface ColumnStore {
  load(dataset: UploadedDataset): Omit<LoadedTable, 'key'> | null;
  save(dataset: UploadedDataset, parsed: Omit<LoadedTable, 'key'>): void;
}

/** Used when data/customers.csv is missing (a fresh checkout before `npm run generate:sample`). */
const FALLBACK_SAMPLE = { size: 200, seed: 42 };

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const uploadKey = (sha256: string, fileName: string) => `upload:${sha256}:${fileName}`;

export class TableSource {
  private sample: Promise<LoadedTable> | undefined;
  /** Parsed uploads, weighed by what they hold (a million rows: ~70 MB, most of it the ids). */
  private readonly uploads: CachePart<LoadedTable>;
  private unsaved: LoadedTable | undefined;

  constructor(
    private readonly options: {
      samplePath: string;
      limits?: Partial<IngestLimits>;
      loadBytes: BytesLoader;
      columns?: ColumnStore;
      /** The engine's one cache budget. */
      memory: Lru<unknown>;
    },
  ) {
    this.uploads = options.memory.part('table');
  }

  async load(dataset: ActiveDataset): Promise<LoadedTable> {
    if (dataset.kind === 'sample') {
      // A failed read is not remembered, so a sample file added later is picked up.
      this.sample ??= this.readSample().catch((error: unknown) => {
        this.sample = undefined;
        throw error;
      });
      return this.sample;
    }
    const key = uploadKey(dataset.sha256, dataset.fileName);
    const cached = this.uploads.get(key);
    if (cached) return cached;
    const stored = this.options.columns?.load(dataset);
    if (stored) return this.remember({ key, ...stored });
    const bytes = this.options.loadBytes(dataset);
    if (!bytes) throw new Error(`the stored file of dataset ${dataset.id} (${dataset.fileName}) is missing`);
    const { table, source } = await this.read(bytes, dataset.fileName);
    this.options.columns?.save(dataset, { table, source });
    return this.remember({ key, table, source });
  }

  /**
   * Once an upload is saved as `dataset`, its parsed columns are stored beside the
   * bytes while they are still in memory, so the first answer after a restart
   * does not parse the file again. Nothing to do when this thread did not read it.
   */
  keepColumns(dataset: UploadedDataset): void {
    const key = uploadKey(dataset.sha256, dataset.fileName);
    const loaded = this.uploads.get(key) ?? (this.unsaved?.key === key ? this.unsaved : undefined);
    this.unsaved = undefined;
    if (loaded && this.options.columns)
      this.options.columns.save(dataset, { table: loaded.table, source: loaded.source });
  }

  /** The key analyses and charts of a dataset are cached under, without reading an upload's table. */
  async keyOf(dataset: ActiveDataset): Promise<string> {
    return dataset.kind === 'sample'
      ? (await this.load(dataset)).key
      : uploadKey(dataset.sha256, dataset.fileName);
  }

  /** Parses a new upload; the caller remembers it once it is accepted. */
  async read(bytes: Uint8Array, fileName: string, onProgress?: Progress): Promise<IngestResult> {
    return readCustomers(withProgress(bytes, fileName, onProgress), {
      fileName,
      sizeHint: bytes.byteLength,
      ...this.limits(),
    });
  }

  remember(loaded: LoadedTable): LoadedTable {
    this.uploads.set(loaded.key, loaded);
    return loaded;
  }

  /**
   * A new upload just read: kept like any table and, until it is saved (or the next upload is
   * read), also outside the budget, so a table too heavy to cache still gets its columns stored.
   */
  rememberRead(loaded: LoadedTable): void {
    this.unsaved = loaded;
    this.remember(loaded);
  }

  private limits(): { limits?: Partial<IngestLimits> } {
    return this.options.limits ? { limits: this.options.limits } : {};
  }

  private async readSample(): Promise<LoadedTable> {
    const { samplePath } = this.options;
    const present = existsSync(samplePath);
    const bytes = present
      ? readFileSync(samplePath)
      : Buffer.from(customersToCsv(generateCustomers(FALLBACK_SAMPLE.size, FALLBACK_SAMPLE.seed)));
    const fileName = present ? basename(samplePath) : 'customers.csv';
    // The sample is ours, so the upload limits do not apply to it.
    const { table, source } = await readCustomers(bytes, { fileName });
    return { key: `sample:${sha256Hex(bytes)}`, table, source };
  }
}
