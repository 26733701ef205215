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
import { Lru } from './lru.ts';
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

const KEPT = 2;
const MAX_BYTES = 96 * 1024 * 1024;
/** Five Float64 columns, a country index and an id string (~24 bytes) per customer. */
const sizeOf = (loaded: LoadedOrders) => loaded.customers.length * (8 * 5 + 4 + 24) + 64 * 1024;

export const ordersKey = (sha256: string, fileName: string, asOf: string | undefined) =>
  `orders:${uploadKey(sha256, fileName)}|asOf=${asOf ?? 'auto'}`;

export class OrderSource {
  private readonly loaded = new Lru<LoadedOrders>(KEPT, { maxBytes: MAX_BYTES, sizeOf });

  constructor(private readonly options: { limits?: Partial<IngestLimits>; loadBytes: BytesLoader }) {}

  async load(dataset: UploadedDataset, asOf: string | undefined): Promise<LoadedOrders> {
    const key = ordersKey(dataset.sha256, dataset.fileName, asOf);
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const bytes = this.options.loadBytes(dataset);
    if (!bytes) throw new Error(`the stored file of dataset ${dataset.id} (${dataset.fileName}) is missing`);
    return this.remember(await this.read(key, bytes, dataset.fileName, asOf));
  }

  /** Reads a new upload; the caller remembers it once it is accepted. */
  async read(
    key: string,
    bytes: Uint8Array,
    fileName: string,
    asOf: string | undefined,
    onProgress?: Progress,
  ): Promise<LoadedOrders> {
    const read = await readOrderCustomers(withProgress(bytes, fileName, onProgress, 'order lines'), {
      fileName,
      ...(asOf !== undefined && { asOf }),
      ...(this.options.limits && { limits: this.options.limits }),
    });
    const { customers } = read.aggregation;
    return { key, reading: orderReading(read), describe: describeRfm(customers), customers };
  }

  remember(loaded: LoadedOrders): LoadedOrders {
    this.loaded.set(loaded.key, loaded);
    return loaded;
  }
}
