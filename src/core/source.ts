/**
 * Facts about where a table came from that decide what can be shown: a file
 * without a Gender column has no gender charts or columns, one without ids
 * uses row numbers, one without an Age column has no ages (its table holds
 * NaN there) and so no age feature, age profile or age chart.
 */
import { type InputError, inputProblem } from './errors.ts';
import { candidateColumns, candidateRole } from './features.ts';
import {
  type CatalogueFeature,
  FEATURES,
  type Feature,
  isCatalogueFeature,
  type SourceInfo,
} from './types.ts';

type Absent = Pick<SourceInfo, 'absentColumns' | 'extraRoles'>;

export const hasGenderColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('gender');

export const hasIdColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('id');

export const hasAgeColumn = (source: Absent): boolean => !(source.absentColumns ?? []).includes('age');

/** The catalogue features the file has columns for, in canonical order. */
export const featuresInSource = (source: Absent): CatalogueFeature[] =>
  FEATURES.filter((f) => f !== 'age' || hasAgeColumn(source));

/** The file's candidate columns (other numeric columns) by feature name, in file order. */
export const candidateFeatures = (source: Absent): Feature[] => candidateColumns(source).map((r) => r.name);

/** Everything `features` may choose for this file: the catalogue's it has, then its candidate columns. */
export const usableFeatures = (source: Absent): Feature[] => [
  ...featuresInSource(source),
  ...candidateFeatures(source),
];

/** Features asked for that the file has no column for (empty when all are there). */
export const featuresMissingFrom = (source: Absent, features: readonly Feature[]): Feature[] => {
  const present = usableFeatures(source);
  return features.filter((f) => !present.includes(f));
};

/**
 * A candidate column chosen as a feature must have a value in every row (k-means
 * has no place for an empty cell): the first chosen one with empty cells, if any.
 */
export function featureWithGaps(source: SourceInfo, features: readonly Feature[]): InputError | null {
  for (const f of features) {
    if (isCatalogueFeature(f)) continue;
    const role = candidateRole(source, f);
    if (role && role.empty > 0)
      return inputProblem(
        { kind: 'feature_has_gaps', feature: f, column: role.column, empty: role.empty },
        { file: source.fileName },
      );
  }
  return null;
}

/**
 * Asked to cluster on a feature the file has no column for (age, for a CRM
 * export without ages): the file's ages are NaN, so this is refused, naming
 * the column and the features that can be used (phrases/errors.ts words it;
 * each transport says how to change the features).
 */
export function featureNotInFile(missing: readonly Feature[], source: SourceInfo): InputError {
  return inputProblem(
    { kind: 'feature_not_in_file', missing: [...missing], usable: usableFeatures(source) },
    { file: source.fileName },
  );
}
