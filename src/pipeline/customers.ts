/**
 * A customer file on disk end to end, in process: read (ingest/) → analyse
 * (core/). The CLI's file report uses this, so it reaches core through the
 * pipeline like every other transport, never by calling core.analyze itself.
 */
import { analyze } from '../core/analyze.ts';
import type { Analysis, AnalysisOptions } from '../core/types.ts';
import type { IngestLimits, IngestResult } from '../ingest/csv.ts';
import { readCustomerFile } from '../ingest/file.ts';

export interface CustomerFileAnalysis {
  ingest: IngestResult;
  analysis: Analysis;
}

export async function analyzeCustomerFile(
  path: string,
  options: Partial<AnalysisOptions>,
  limits?: Partial<IngestLimits>,
): Promise<CustomerFileAnalysis> {
  const ingest = await readCustomerFile(path, limits);
  return { ingest, analysis: analyze(ingest.table, options, ingest.source) };
}
