/**
 * A small least-recently-used cache, bounded by entries and, when given a
 * sizer, by bytes: one million-row table weighs what a thousand small ones
 * do, so counting entries alone lets memory grow with the files people share.
 * Map keeps insertion order, so the first key is the oldest. The newest entry
 * is always kept, even when it alone is over the byte budget.
 */
export interface LruOptions<V> {
  maxBytes?: number;
  sizeOf?: (value: V) => number;
}

export class Lru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly options: LruOptions<V> = {},
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  set(key: string, value: V): void {
    this.remove(key);
    const bytes = this.options.sizeOf?.(value) ?? 0;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    const maxBytes = this.options.maxBytes ?? Number.POSITIVE_INFINITY;
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.total > maxBytes)) {
      this.remove(this.entries.keys().next().value as string);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes held (0 without a sizer). */
  get bytes(): number {
    return this.total;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total -= entry.bytes;
    this.entries.delete(key);
  }
}
