import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JobKind } from '../../shared/contract/jobs';
import type { Role } from '../../shared/domain/permissions';
import type { RequestContext } from '../../electron/core/api/context';
import { dispatch, type Handlers } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';

const as = (role: Role): RequestContext => ({ actor: role, user: { id: 99, name: role, roles: [role], schools: role === 'management' ? ['oak'] : [] } });

let t: TempLibrary;
let handlers: Handlers;
beforeEach(() => {
  t = tempLibrary();
  handlers = createHandlers(t.lib);
});
afterEach(() => t.cleanup());

/** A job that runs until it is cancelled. */
function waitingJob(kind: JobKind): number {
  return t.lib.jobs.start(kind, 'waits', (job) => new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve()))).id;
}

it('cancelling a job needs the permission that starts its kind: management stops its export, not an import', async () => {
  const exportJob = waitingJob('export');
  const importJob = waitingJob('import');

  expect(await dispatch(handlers, 'jobs.cancel', { id: exportJob }, as('staff'))).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('export') } });
  expect(await dispatch(handlers, 'jobs.cancel', { id: importJob }, as('management'))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(t.lib.jobs.list().every((j) => j.status === 'running')).toBe(true);

  expect(await dispatch(handlers, 'jobs.cancel', { id: exportJob }, as('management'))).toMatchObject({ ok: true });
  expect(await dispatch(handlers, 'jobs.cancel', { id: importJob }, as('staff'))).toMatchObject({ ok: true });
  await expect.poll(() => t.lib.jobs.list().map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
});
