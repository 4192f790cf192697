import type { CsvImportReport } from '../../../shared/contract/csv-import';
import type { LibraryEvents } from '../../../shared/contract/library';

export type PlanCounts = Pick<
  CsvImportReport,
  'schoolsToCreate' | 'classesToCreate' | 'peopleCreated' | 'peopleUpdated' | 'consentsAdded' | 'unchanged'
>;

/**
 * What importing a file would change, worked out from the file and the library. A dry run reports it;
 * an apply reports the same plan and then runs `apply` in the transaction the plan was made in.
 */
export interface ImportPlan {
  counts: PlanCounts;
  /** Number of writes `apply` makes; 0 means re-importing this file changes nothing. */
  changes: number;
  /** What the UI must refetch after the apply. */
  changed: LibraryEvents['library.changed']['what'][];
  apply(): void;
}
