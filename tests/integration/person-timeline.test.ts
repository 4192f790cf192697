import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonTimeline } from '../../shared/contract/audit';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { assignFaces } from '../../electron/core/faces/tagging-service';
import { markTakedownDone } from '../../electron/core/export/publication-service';
import { openLibrary, type Library } from '../../electron/core/library';
import { setConsent } from '../../electron/core/services/consent-service';
import { gdprLibrary, type GdprLibrary } from './gdpr-kit';

/**
 * Sanne's timeline for an auditor: her consent answers, her face tagged (and a tag taken back), the
 * publication that shows her, and once she withdraws, the take-down asked for and then done.
 */
let g: GdprLibrary;
let lib: Library;
beforeAll(async () => {
  g = await gdprLibrary('cf-timeline-');
  lib = openLibrary(g.home);
}, 120_000);
afterAll(() => {
  lib.close();
  g.remove();
});

const timeline = async (person: string): Promise<PersonTimeline> => {
  const r = await dispatch(createHandlers(lib), 'audit.personTimeline', { person }, localAdmin);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PersonTimeline;
};
const kinds = (t: PersonTimeline) => t.events.map((e) => (e.kind === 'consent' ? `consent ${e.channel} ${e.status}` : e.kind));

describe('audit.personTimeline', () => {
  it('tells her consent, tags and publications in order, with who did each', async () => {
    const t = await timeline('P001');
    expect(t.person).toEqual({ id: g.ids.sanne, name: 'Sanne de Vries', externalId: 'P001' });
    expect(kinds(t)).toEqual(['consent website granted', 'consent facebook refused', 'tagged', 'published']);
    expect(t.events[2]).toMatchObject({ kind: 'tagged', mediaId: g.ids.twoPeople, mediaName: 'two_people.jpg', by: localAdmin.actor });
    expect(t.events[3]).toMatchObject({ kind: 'published', publicationId: g.ids.publication, channel: 'website', shown: 'visible', files: 1 });
    const ats = t.events.map((e) => e.at);
    expect([...ats].sort()).toEqual(ats);
    // Her brother's timeline holds his own story only.
    expect(kinds(await timeline('P002'))).toEqual(['consent website granted', 'tagged', 'published']);
  });

  it('adds a withdrawal, the take-down it asks for and the take-down done, and an untagging', async () => {
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'withdrawn' });
    expect(kinds(await timeline('P001')).slice(-2)).toEqual(['consent website withdrawn', 'takedown_pending']);
    markTakedownDone(lib, { ...localAdmin, actor: 'webmaster' }, g.ids.publication);
    assignFaces(lib, localAdmin, [g.ids.sanneFace], { verdict: 'not_identifiable' });
    const t = await timeline('P001');
    // The last two may share a millisecond, so their order is not asserted.
    expect(kinds(t).at(-3)).toBe('consent website withdrawn');
    expect(kinds(t).slice(-2).sort()).toEqual(['taken_down', 'untagged']);
    expect(t.events.find((e) => e.kind === 'taken_down')).toMatchObject({ by: 'webmaster', publicationId: g.ids.publication });
  });

  it('is for auditors and admins: a profile without the reports right is refused', async () => {
    const r = await dispatch(createHandlers(lib), 'audit.personTimeline', { person: 'P001' }, { actor: 'jan', user: { id: 2, name: 'jan', roles: ['staff'], schools: [], soleUser: false } });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
