import { consentColumns, peopleColumns, type CsvKind } from '../../../shared/contract/csv-import';
import type { ProblemList } from './problem-list';

interface ColumnSpec {
  all: readonly string[];
  /** Columns that may be left out of the file: their values then come from defaults or the library. */
  optional: readonly string[];
}

const specs: Record<CsvKind, ColumnSpec> = {
  people: { all: peopleColumns, optional: ['date_of_birth'] },
  consents: { all: consentColumns, optional: ['given_by', 'valid_until'] },
};

export interface ResolvedColumns {
  /** Expected column → position in each row; a left-out optional column is absent. */
  index: Map<string, number>;
  /** Expected column → header in the file, as reported back to the user. */
  mapping: Record<string, string>;
}

const norm = (header: string): string => header.trim().toLowerCase();

/**
 * Finds each expected column among the file's headers (trimmed, case-insensitive), by its own name or by
 * the header the user mapped it to. Missing required columns are a file-level error that lists the headers found.
 */
export function resolveColumns(
  kind: CsvKind,
  headers: readonly string[],
  userMapping: Record<string, string> | undefined,
  problems: ProblemList,
): ResolvedColumns {
  const spec = specs[kind];
  for (const key of Object.keys(userMapping ?? {})) {
    if (!spec.all.includes(key)) {
      problems.error(null, key, { code: 'unknown_mapped_column', params: { key, kind, columns: [...spec.all] } }, `The mapping names "${key}", which is not a column of a ${kind} file. Columns: ${spec.all.join(', ')}.`);
    }
  }
  const positions = new Map<string, number[]>();
  headers.forEach((h, i) => positions.set(norm(h), [...(positions.get(norm(h)) ?? []), i]));

  const index = new Map<string, number>();
  const mapping: Record<string, string> = {};
  const missing: { field: string; mappedTo: string | null }[] = [];
  for (const column of spec.all) {
    const wanted = userMapping?.[column] ?? column;
    const found = positions.get(norm(wanted)) ?? [];
    if (found.length > 1) {
      problems.error(1, column, { code: 'duplicate_header', params: { header: wanted, count: found.length, field: column } }, `The header "${wanted}" appears ${found.length} times, so the column "${column}" is ambiguous. Rename or remove the extra columns.`);
    } else if (found.length === 1) {
      index.set(column, found[0]!);
      mapping[column] = headers[found[0]!]!;
    } else if (!spec.optional.includes(column)) {
      missing.push({ field: column, mappedTo: userMapping?.[column] ? wanted : null });
    }
  }
  if (missing.length > 0) {
    const named = missing.map((m) => (m.mappedTo === null ? m.field : `${m.field} (mapped to "${m.mappedTo}")`));
    problems.error(
      null,
      null,
      { code: 'missing_columns', params: { missing, headers: [...headers] } },
      `The file lacks the column${missing.length > 1 ? 's' : ''} ${named.join(', ')}. Headers found: ${headers.map((h) => `"${h}"`).join(', ') || 'none'}. ` +
        'Rename the headers in the file or map each column to the header that holds it.',
    );
  }
  const used = new Set(index.values());
  const unused = headers.filter((h, i) => !used.has(i) && h !== '');
  if (unused.length > 0) problems.warn(1, null, { code: 'unused_columns', params: { headers: unused } }, `These columns are not used and will be ignored: ${unused.map((h) => `"${h}"`).join(', ')}.`);
  return { index, mapping };
}
