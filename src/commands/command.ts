import type { Feature, Gender, Scaling } from '../core/types.ts';

/** A new customer as typed by a user (`/segment predict 25 F 60 75`). */
export interface CustomerInput {
  age: number;
  /** Optional: gender does not decide the segment (and a file may have no Gender column). */
  gender?: Gender;
  income: number;
  spending: number;
  /** Values for the file's other numeric columns the segments use (`visits=12`), by feature name. */
  extra?: Record<string, number>;
}

/** A customer's recency (days), frequency (orders) and monetary value (spend), as typed: `predict recency=30 frequency=5 monetary=900`. */
export interface RfmInput {
  recency: number;
  frequency: number;
  monetary: number;
}

/** Every command, whatever transport typed it. */
export type Command =
  | { kind: 'help' }
  | { kind: 'summary' }
  | { kind: 'eda' }
  | { kind: 'check' }
  /** `k` shows the choice of k; `k 6` fixes k; `k auto` (auto: true) returns to the recommendation. */
  | { kind: 'k'; k?: number; auto?: boolean }
  | { kind: 'features'; features?: Feature[]; scaling?: Scaling }
  | { kind: 'predict'; customer: CustomerInput }
  /** predict on order data: the RFM form of predict. */
  | { kind: 'predictRfm'; rfm: RfmInput }
  /** The analysis date of order data; null returns to the day after the last invoice. */
  | { kind: 'asof'; date: string | null }
  | { kind: 'export' }
  | { kind: 'data' }
  /** Back to a bundled sample: the customers, or (`reset orders`) the order lines. */
  | { kind: 'reset'; sample?: 'orders' };
