import type { jobCommands } from '../../../shared/contract/jobs';
import type { libraryCommands } from '../../../shared/contract/library';
import type { Library } from '../library';
import { libraryStatus } from '../services/status-service';
import type { FeatureHandlers } from './handler-types';

export function libraryHandlers(
  lib: Library,
  loadDemo: FeatureHandlers<'library.loadDemo'>['library.loadDemo'],
): FeatureHandlers<keyof typeof libraryCommands | keyof typeof jobCommands> {
  return {
    'library.status': () => libraryStatus(lib),
    'library.loadDemo': loadDemo,
    'jobs.list': () => lib.jobs.list(),
    'jobs.cancel': ({ id }) => lib.jobs.cancel(id),
  };
}
