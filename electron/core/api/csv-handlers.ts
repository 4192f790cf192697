import type { csvCommands } from '../../../shared/contract/csv-import';
import { importCsv } from '../csv/import-csv';
import type { Library } from '../library';
import type { FeatureHandlers } from './handler-types';

export function csvHandlers(lib: Library): FeatureHandlers<keyof typeof csvCommands> {
  return {
    'csv.import': ({ kind, data, mapping, dryRun }, ctx) => importCsv(lib, ctx, kind, Buffer.from(data, 'base64'), { mapping, dryRun }),
  };
}
