import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { defaultChannels } from '../../shared/domain/channels';
import { markOpen } from './backup/open-markers';
import { snapshotBeforeMigration } from './backup/snapshot';
import { checkIntegrity, openDatabase, type Db } from './db/connection';
import { migrate, schemaVersion } from './db/migrate';
import { createAuditRepository } from './db/repositories/audit-repository';
import { createChannelRepository } from './db/repositories/channel-repository';
import { createConsentRepository } from './db/repositories/consent-repository';
import { createDoubtRepository } from './db/repositories/doubt-repository';
import { createFaceMatchingRepository } from './db/repositories/face-matching-repository';
import { createFaceRepository } from './db/repositories/face-repository';
import { createIdentityRepository } from './db/repositories/identity-repository';
import { createImportRepository } from './db/repositories/import-repository';
import { createMediaMarksRepository } from './db/repositories/media-marks-repository';
import { createMediaRepository } from './db/repositories/media-repository';
import { createPersonRepository } from './db/repositories/person-repository';
import { createPostRepository } from './db/repositories/post-repository';
import { createPublicationRepository } from './db/repositories/publication-repository';
import { createSchoolRepository } from './db/repositories/school-repository';
import { createSettingsRepository } from './db/repositories/settings-repository';
import { createUserRepository } from './db/repositories/user-repository';
import { EventBus } from './events';
import { JobRunner } from './jobs/job-runner';
import { libraryPaths, type LibraryPaths } from './library-paths';

function createRepositories(db: Db) {
  return {
    audit: createAuditRepository(db),
    channels: createChannelRepository(db),
    consent: createConsentRepository(db),
    doubts: createDoubtRepository(db),
    faceMatching: createFaceMatchingRepository(db),
    faces: createFaceRepository(db),
    identities: createIdentityRepository(db),
    imports: createImportRepository(db),
    marks: createMediaMarksRepository(db),
    media: createMediaRepository(db),
    people: createPersonRepository(db),
    posts: createPostRepository(db),
    publications: createPublicationRepository(db),
    schools: createSchoolRepository(db),
    settings: createSettingsRepository(db),
    users: createUserRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

/** An open library: its folder, database, repositories, events and job runner. Services take this. */
export interface Library {
  paths: LibraryPaths;
  db: Db;
  repos: Repositories;
  events: EventBus;
  jobs: JobRunner;
  integrity: 'ok' | string;
  /** Runs `fn` in one transaction: a change and its audit entry are written together or not at all. */
  transaction<T>(fn: () => T): T;
  /** Runs `fn` when the library closes, e.g. to end a helper process the library started. */
  onClose(fn: () => void | Promise<void>): void;
  close(): void;
}

/** Library files hold personal data: folders and the database are readable by the owner only. */
const privateDir = 0o700;

export function openLibrary(home: string): Library {
  const paths = libraryPaths(home);
  for (const dir of [paths.home, paths.store, paths.thumbs, paths.previews, paths.evidence, paths.tmp, paths.backups]) {
    mkdirSync(dir, { recursive: true, mode: privateDir });
  }
  // Half-written files from a killed process are never referenced by the database; clear them.
  for (const f of readdirSync(paths.tmp)) rmSync(`${paths.tmp}/${f}`, { recursive: true, force: true });

  const db = openDatabase(paths.database);
  chmodSync(paths.database, 0o600);
  const integrity = checkIntegrity(db);
  try {
    migrate(db, (from) => {
      if (from > 0) snapshotBeforeMigration(db, paths.backups, from);
    });
  } catch (err) {
    db.close();
    throw err;
  }
  const repos = createRepositories(db);
  // Writing into a damaged database can spread the damage; it was seeded when it was whole.
  if (integrity === 'ok') seedDefaults(db, repos);
  const events = new EventBus();
  const unmarkOpen = markOpen(home);
  const closers: (() => void | Promise<void>)[] = [];
  return {
    paths,
    db,
    repos,
    events,
    jobs: new JobRunner(events),
    integrity,
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
    onClose: (fn) => void closers.push(fn),
    close: () => {
      for (const fn of closers.splice(0)) void Promise.resolve().then(fn).catch(() => undefined);
      db.close();
      unmarkOpen();
    },
  };
}

function seedDefaults(db: Db, repos: Repositories): void {
  db.transaction(() => {
    for (const channel of defaultChannels) {
      if (!repos.channels.get(channel.key)) repos.channels.create(channel);
    }
    if (repos.settings.get('foundation_name') === undefined) repos.settings.set('foundation_name', 'Foundation');
  })();
}

export { schemaVersion };
