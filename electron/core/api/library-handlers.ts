import type { JobKind, jobCommands } from '../../../shared/contract/jobs';
import { may, refusal, type Permission } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { libraryCommands } from '../../../shared/contract/library';
import type { Library } from '../library';
import { libraryStatus } from '../services/status-service';
import type { FeatureHandlers } from './handler-types';

/** Stopping a job needs the right to start it: management may cancel the export it started without importing rights. */
const startedWith: Record<JobKind, Permission> = { import: 'import', demo: 'import', faces: 'tag', export: 'export' };

export function libraryHandlers(
  lib: Library,
  loadDemo: FeatureHandlers<'library.loadDemo'>['library.loadDemo'],
): FeatureHandlers<keyof typeof libraryCommands | keyof typeof jobCommands> {
  return {
    'library.status': () => libraryStatus(lib),
    'library.loadDemo': loadDemo,
    'jobs.list': () => lib.jobs.list(),
    'jobs.cancel': ({ id }, ctx) => {
      const job = lib.jobs.list().find((j) => j.id === id);
      if (job && ctx.user && !may(ctx.user, startedWith[job.kind])) throw new ClearFrameError('forbidden', refusal(ctx.user, startedWith[job.kind]));
      return lib.jobs.cancel(id);
    },
  };
}
