import { join } from 'node:path';
import type { RequestContext } from '../../electron/core/api/context';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import type { Library } from '../../electron/core/library';
import { updateMedia } from '../../electron/core/media/media-service';
import { createSchool } from '../../electron/core/services/org-service';
import type { CommandInput, CommandName, CommandResult } from '../../shared/contract';
import type { Role } from '../../shared/domain/permissions';
import type { AppError } from '../../shared/result';
import { addConsent, addFace, addPerson, exportLibrary, facesDir, importMedia, markDetected, twoPeopleFaces } from './export-kit';

/** A profile as the request context carries it; the service tests need no passwords. */
export const as = (name: string, role: Role, schools: string[] = []): RequestContext => ({
  actor: name,
  user: { id: name.length, name, roles: [role], schools },
});

export const sam = as('sam', 'staff');
export const mia = as('mia', 'management', ['oak']);
export const eli = as('eli', 'management', ['elm']);
export const bo = as('bo', 'board');

/**
 * A library with schools oak and elm, a website account for oak, and one photo of oak (two_people.jpg)
 * in which both faces are tagged as people with website consent: it is publishable as it stands.
 */
export async function publishingLibrary() {
  const t = exportLibrary('cf-publishing-');
  const lib = t.lib;
  const handlers = createHandlers(lib);
  const oak = createSchool(lib, localAdmin, 'oak', 'Oak School');
  createSchool(lib, localAdmin, 'elm', 'Elm School');
  const [photo] = await importMedia(lib, [join(facesDir, 'two_people.jpg')]);
  updateMedia(lib, localAdmin, String(photo), { schoolId: oak.id });
  markDetected(lib, photo);
  const people = twoPeopleFaces.map((box) => {
    const person = addPerson(lib, { schoolId: oak.id });
    addFace(lib, photo, box, { state: 'person', personId: person.id });
    addConsent(lib, person.id, 'website', 'granted', '2020-01-01');
    return person;
  });

  async function call<K extends CommandName>(name: K, input: CommandInput<K>, ctx: RequestContext): Promise<CommandResult<K>> {
    const r = await dispatch(handlers, name, input, ctx);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as CommandResult<K>;
  }
  async function refused<K extends CommandName>(name: K, input: CommandInput<K>, ctx: RequestContext): Promise<AppError> {
    const r = await dispatch(handlers, name, input, ctx);
    if (r.ok) throw new Error(`${name} was expected to be refused`);
    return r.error;
  }
  await call('identities.addChannel', { identity: 'oak', channel: 'website', account: 'oakschool.example' }, localAdmin);
  return { ...t, lib: lib as Library, photo, people, call, refused, auditActions: () => lib.db.prepare<[], { action: string }>('SELECT action FROM audit_log ORDER BY seq').all().map((r) => r.action) };
}
