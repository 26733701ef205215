/**
 * The JSON report: the Analysis without its per-row arrays, plus what ingest
 * skipped. Field names are the CLI's public contract (`segment analyze --json`).
 */
import { candidateColumns } from '../core/features.ts';
import type { Analysis } from '../core/types.ts';
import type { IngestResult } from '../ingest/csv.ts';
import { wordCheck } from '../phrases/checks.ts';
import { ignoredColumns, ignoredWords } from '../phrases/columns.ts';
import { noteWords } from '../phrases/notes.ts';
import { withHint } from '../phrases/segments.ts';
import { selectionReason } from '../phrases/selection.ts';

export function analysisReport(
  analysis: Analysis,
  ingest: Pick<IngestResult, 'problems' | 'problemCount' | 'duplicateIds' | 'duplicateIdCount'>,
) {
  return {
    file: analysis.source.fileName,
    rows: analysis.rows,
    totalRows: analysis.source.totalRows,
    skippedRowCount: analysis.source.skippedRows,
    skippedRows: ingest.problems
      .filter((p) => !p.kept)
      .map(({ line, column, value, reason }) => ({ line, column, value, reason })),
    rowNotes: ingest.problems
      .filter((p) => p.kept)
      .map(({ line, column, value, reason }) => ({ line, column, value, reason })),
    problemCount: ingest.problemCount,
    duplicateIds: ingest.duplicateIds,
    duplicateIdCount: ingest.duplicateIdCount,
    features: analysis.features,
    scaling: analysis.scaling,
    seed: analysis.seed,
    restarts: analysis.restarts,
    k: analysis.k,
    kChosenBy: analysis.kChosenBy,
    structure: analysis.structure,
    structureTest: analysis.structureTest,
    stability: analysis.stability,
    recommendation: {
      k: analysis.selection.recommendedK,
      elbowK: analysis.selection.elbowK,
      silhouetteK: analysis.selection.silhouetteK,
      reason: selectionReason(analysis.selection),
      sample: analysis.selection.sample,
    },
    selection: analysis.selection.rows,
    inertia: analysis.inertia,
    silhouette: analysis.silhouette,
    calinskiHarabasz: analysis.calinskiHarabasz,
    daviesBouldin: analysis.daviesBouldin,
    // Each segment and model entry with its advice in words (`hint`), as the JSON has always had it.
    segments: analysis.segments.map(withHint),
    // Each check with its title, message and remedy in words, as the JSON has always had them.
    assumptions: analysis.assumptions.map(wordCheck),
    eda: analysis.eda,
    model: { ...analysis.model, segments: analysis.model.segments.map(withHint) },
    notes: analysis.notes.map(noteWords),
    noteCodes: analysis.notes,
    // Added with the extra columns (issue 9); every field above is as it was.
    breakdowns: analysis.breakdowns,
    candidateFeatures: candidateFeatures(analysis),
    ignoredColumns: ignoredColumns(analysis.source).map((r) => ({
      column: r.column,
      reason: r.reason,
      why: ignoredWords(r),
    })),
  };
}

/** The file's other numeric columns: what `features` could also cluster on. */
export const candidateFeatures = (analysis: Analysis) =>
  candidateColumns(analysis.source).map(({ name, title, unit, min, max }) => ({
    name,
    title,
    unit,
    min,
    max,
  }));

export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
