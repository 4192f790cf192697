import type { csvCommands } from '../../../shared/contract/csv-import';
import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';
import type { FeatureHandlers } from './handler-types';

export function csvHandlers(_lib: Library): FeatureHandlers<keyof typeof csvCommands> {
  return {
    'csv.import': () => {
      throw new ClearFrameError('unsupported', 'CSV import is not built yet.');
    },
  };
}
