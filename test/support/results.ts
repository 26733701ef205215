import type { AnalysisResult, CustomerResult, OrderResult } from '../../src/commands/context.ts';

/** The engine's answer for customer data (a test on customer data that got order data fails here). */
export function customersOf(result: AnalysisResult): CustomerResult {
  if (result.kind !== 'customers') throw new Error(`expected a customer analysis, got ${result.kind}`);
  return result;
}

export function ordersOf(result: AnalysisResult): OrderResult {
  if (result.kind !== 'orders') throw new Error(`expected an order analysis, got ${result.kind}`);
  return result;
}
