import { evaluateConsent } from '../../../shared/domain/consent';
import { todayIso } from '../../../shared/domain/dates';
import type { ConsentRecord, Media, Person } from '../../../shared/types';
import type { Library } from '../library';
import { entriesOfPerson, identifiersOf } from './person-entries';

export interface TaggedMedia {
  media: Media;
  faces: { face: number; box: { x: number; y: number; w: number; h: number }; time: number | null }[];
}

export interface PersonPublication {
  id: number;
  createdAt: string;
  channel: string;
  identity: string;
  decisionDate: string;
  postUrl: string | null;
  takeDown: string;
  files: { file: string; mediaId: number; shown: string }[];
}

/** Everything ClearFrame holds about one person, read in one go for a data export (GDPR art. 15). */
export interface SubjectData {
  today: string;
  person: Person & { school: string | null; class: string | null };
  faceMatching: { allowed: boolean; since: string | null; references: number };
  current: ({ channel: string } & ReturnType<typeof evaluateConsent>)[];
  history: ConsentRecord[];
  media: TaggedMedia[];
  publications: PersonPublication[];
  audit: { seq: number; at: string; actor: string; action: string; subject: string; details: unknown; hash: string }[];
}

export function subjectData(lib: Library, person: Person): SubjectData {
  const today = todayIso();
  const school = person.schoolId === null ? undefined : lib.repos.schools.listSchools().find((s) => s.id === person.schoolId);
  const cls = person.classId === null ? undefined : lib.repos.schools.getClass(person.classId);
  const history = lib.repos.consent.historyOf(person.id);
  const permission = lib.repos.faceMatching.permission(person.id);
  const media = lib.repos.faces.appearances(person.id).flatMap(({ mediaId, faceIds }): TaggedMedia[] => {
    const m = lib.repos.media.get(mediaId);
    if (!m) return [];
    const faces = faceIds.flatMap((id) => {
      const f = lib.repos.faces.get(id);
      return f ? [{ face: f.id, box: f.box, time: f.time }] : [];
    });
    return [{ media: m, faces }];
  });
  const publications = lib.repos.publications.list({ personId: person.id }, today).map((p) => ({
    id: p.id,
    createdAt: p.createdAt,
    channel: p.channel,
    identity: p.identityName,
    decisionDate: p.decisionDate,
    postUrl: p.postUrl,
    takeDown: p.takeDown,
    files: p.people
      .filter((pp) => pp.personId === person.id)
      .map((pp) => {
        const f = p.files.find((x) => x.index === pp.fileIndex);
        return { file: f?.fileName ?? '', mediaId: f?.mediaId ?? 0, shown: pp.shown };
      }),
  }));
  const audit = entriesOfPerson(lib, person.id, identifiersOf(lib, person)).map(({ entry, details }) => ({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details,
    hash: entry.hash,
  }));
  return {
    today,
    person: { ...person, school: school?.name ?? null, class: cls?.name ?? null },
    faceMatching: {
      allowed: permission !== undefined,
      since: permission?.grantedAt ?? null,
      references: lib.repos.faceMatching.references(person.id).length,
    },
    current: lib.repos.channels.list().map((c) => ({ channel: c.key, ...evaluateConsent(person, history, c.key, today) })),
    history,
    media,
    publications,
    audit,
  };
}
