/**
 * Order-line datasets for the engine: the stored bytes read, cleaned and
 * aggregated to one row per customer, for one analysis date. The order lines
 * themselves are dropped once aggregated (a million lines are ~60 MB; the
 * customers a few MB), so a change of k or seed reuses the customers and a
 * change of analysis date reads the file again.
 */
import type { UploadedDataset } from '../commands/context.ts';
import type { OrderReading } from '../commands/orders.ts';
import type { CustomerRfm } from '../core/rfm/aggregate.ts';
import { describeRfm, type RfmMeasureSummary } from '../core/rfm/describe.ts';
import type { IngestLimits } from '../ingest/csv.ts';
import type { CachePart, Lru } from './lru.ts';
import { orderReading, readOrderCustomers } from './orders.ts';
import { withProgress } from './progress.ts';
import { type BytesLoader, uploadKey } from './tables.ts';
import type { Progress } from './types.ts';

export interface LoadedOrders {
  /** The file and analysis date: the first half of every cache key. */
  key: string;
  reading: OrderReading;
  describe: RfmMeasureSummary[];
  customers: CustomerRfm;
}

export const ordersKey = (sha256: string, fileName: string, asOf: string | undefined) =>
  `orders:${uploadKey(sha256, fileName)}|asOf=${asOf ?? 'auto'}`;

/**
 * An order file the engine analyses: a channel's upload, or the bundled sample
 * (whose bytes are read from data/, not from the store, and which the upload
 * limits do not apply to).
 */
export interface OrderFile {
  fileName: string;
  sha256: string;
  /** "dataset 3 (orders.csv)", for the error when the bytes are gone. */
  what: string;
  bytes: () => Uint8Array | null;
  limits?: false;
}

export const uploadedOrderFile = (dataset: UploadedDataset, loadBytes: BytesLoader): OrderFile => ({
  fileName: dataset.fileName,
  sha256: dataset.sha256,
  what: `dataset ${dataset.id} (${dataset.fileName})`,
  bytes: () => loadBytes(dataset),
});

export class OrderSource {
  private readonly loaded: CachePart<LoadedOrders>;

  constructor(
    private readonly options: {
      limits?: Partial<IngestLimits>;
      /** The engine's one cache budget. */
      memory: Lru<unknown>;
    },
  ) {
    this.loaded = options.memory.part('orders');
  }

  async load(file: OrderFile, asOf: string | undefined): Promise<LoadedOrders> {
    const key = ordersKey(file.sha256, file.fileName, asOf);
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const bytes = file.bytes();
    if (!bytes) throw new Error(`the stored file of ${file.what} is missing`);
    return this.remember(await this.read(key, bytes, file.fileName, asOf, undefined, file.limits !== false));
  }

  /** Reads a new upload; the caller remembers it once it is accepted. */
  async read(
    key: string,
    bytes: Uint8Array,
    fileName: string,
    asOf: string | undefined,
    onProgress?: Progress,
    limited = true,
  ): Promise<LoadedOrders> {
    const read = await readOrderCustomers(withProgress(bytes, fileName, onProgress, 'order lines'), {
      fileName,
      ...(asOf !== undefined && { asOf }),
      ...(limited && this.options.limits && { limits: this.options.limits }),
    });
    const { customers } = read.aggregation;
    return { key, reading: orderReading(read), describe: describeRfm(customers), customers };
  }

  remember(loaded: LoadedOrders): LoadedOrders {
    this.loaded.set(loaded.key, loaded);
    return loaded;
  }
}
