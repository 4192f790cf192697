import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localAdmin } from '../../electron/core/api/context';
import { addManualFace, assignFaces } from '../../electron/core/faces/tagging-service';
import { addReferenceFromFace, setFaceMatching } from '../../electron/core/faces/matching-service';
import { openLibrary } from '../../electron/core/library';
import { setConsent } from '../../electron/core/services/consent-service';
import { createClass, createSchool } from '../../electron/core/services/org-service';
import { createPerson, updatePerson } from '../../electron/core/services/people-service';
import { runJson } from './cli-run';
import { facesDir, importMedia, markDetected, twoPeopleFaces } from './export-kit';

/**
 * A library with one pupil who asks for their data, and then for erasure: Sanne de Vries (P001), whose
 * name was first typed wrong, with consent history (a note on one answer), her face confirmed in a
 * photo that was published on the website, suggested in another, and a reference embedding for face
 * matching. Her brother Daan (P002) is in the same photo and must come through untouched. The photos
 * are public-domain portraits of adults standing in for pupils.
 */
export interface GdprLibrary {
  root: string;
  home: string;
  scratch: string;
  ids: { sanne: number; daan: number; twoPeople: number; biden: number; sanneFace: number; daanFace: number; bidenFace: number; publication: number };
  remove: () => void;
}

export async function gdprLibrary(prefix = 'cf-gdpr-'): Promise<GdprLibrary> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const home = join(root, 'library');
  const scratch = join(root, 'scratch');
  mkdirSync(scratch);
  const lib = openLibrary(home);
  let ids: GdprLibrary['ids'];
  try {
    const school = createSchool(lib, localAdmin, 'de-linde', 'De Linde');
    const classId = createClass(lib, localAdmin, school.id, 'Groep 8').id;
    const pupil = { role: 'pupil' as const, schoolId: null, classId };
    const sane = createPerson(lib, localAdmin, { ...pupil, externalId: 'P001', firstName: 'Sane', lastName: 'de Vries', dateOfBirth: '2014-03-15' });
    const sanne = updatePerson(lib, localAdmin, sane.id, { ...pupil, externalId: 'P001', firstName: 'Sanne', lastName: 'de Vries', dateOfBirth: '2014-03-15' });
    const daan = createPerson(lib, localAdmin, { ...pupil, externalId: 'P002', firstName: 'Daan', lastName: 'de Vries', dateOfBirth: '2012-06-01' });
    setConsent(lib, localAdmin, 'P001', { channel: 'website', status: 'granted', note: 'Mother of Sanne de Vries signed the form' });
    setConsent(lib, localAdmin, 'P001', { channel: 'facebook', status: 'refused' });
    setConsent(lib, localAdmin, 'P002', { channel: 'website', status: 'granted' });
    const [twoPeople, biden] = await importMedia(lib, [join(facesDir, 'two_people.jpg'), join(facesDir, 'biden.jpg')]);
    for (const id of [twoPeople, biden]) markDetected(lib, id);
    const sanneFace = addManualFace(lib, localAdmin, String(twoPeople), twoPeopleFaces[0]!, undefined, undefined).id;
    const daanFace = addManualFace(lib, localAdmin, String(twoPeople), twoPeopleFaces[1]!, undefined, 'P002').id;
    assignFaces(lib, localAdmin, [sanneFace], { verdict: 'person', person: 'P001' });
    setFaceMatching(lib, localAdmin, 'P001', true);
    await addReferenceFromFace(lib, localAdmin, 'P001', sanneFace);
    const bidenFace = addManualFace(lib, localAdmin, String(biden), { x: 441 / 970, y: 155 / 1212, w: 261 / 970, h: 396 / 1212 }, undefined, undefined).id;
    lib.repos.faces.suggest(bidenFace, sanne.id, 0.41);
    ids = { sanne: sanne.id, daan: daan.id, twoPeople, biden, sanneFace, daanFace, bidenFace, publication: 0 };
  } finally {
    lib.close();
  }
  const published = await runJson(home, ['export', String(ids.twoPeople), '--channel', 'website', '--identity', 'foundation', '--out', join(scratch, 'website')]);
  if (published.code !== 0) throw new Error(`export failed: ${published.stderr}`);
  if (published.json.exported.length !== 1) throw new Error(`the photo was not published: ${JSON.stringify(published.json)}`);
  ids.publication = (await runJson(home, ['publications'])).json[0].id;
  return { root, home, scratch, ids, remove: () => rmSync(root, { recursive: true, force: true }) };
}
