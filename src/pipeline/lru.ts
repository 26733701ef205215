/**
 * The worker's in-memory caches (parsed tables, analyses, chart images, order
 * customers and their analyses) share one least-recently-used budget in bytes
 * (`CACHE_MAX_MB`, src/config.ts): one million-row table weighs what a
 * thousand small analyses do, so counting entries lets memory grow with the
 * files people share, and separate budgets per kind add up to more than anyone
 * configured. Map keeps insertion order, so the first key is the oldest.
 *
 * An entry heavier than the whole budget is not kept at all (the next request
 * reads it again from the database), so the budget is a bound, not a hint.
 */
import { estimateBytes } from './bytes.ts';

export class Lru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number = estimateBytes,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Keeps `value` as the newest entry (weighed once, here), evicting the oldest until it fits. */
  set(key: string, value: V, bytes = this.sizeOf(value)): void {
    this.remove(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    while (this.total > this.maxBytes) this.remove(this.entries.keys().next().value as string);
  }

  /** A typed view for one kind of value, under its own key prefix, drawing on this budget. */
  part<T extends V>(prefix: string, sizeOf: (value: T) => number = estimateBytes): CachePart<T> {
    return {
      get: (key) => this.get(`${prefix}\u0000${key}`) as T | undefined,
      set: (key, value) => this.set(`${prefix}\u0000${key}`, value, sizeOf(value)),
    };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, as weighed when each entry was set. */
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

export interface CachePart<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

/** Per worker thread, when nothing is configured (tools, tests): see `CACHE_MAX_MB` in src/config.ts. */
export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;
