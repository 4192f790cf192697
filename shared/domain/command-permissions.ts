import type { CommandName } from '../contract';
import type { Permission } from './permissions';

/**
 * What a command needs before it runs: a permission, or `public` (no profile needed: signing in and asking whether
 * to) or `signedIn` (any signed-in profile; the service then checks whose data it is, e.g. one's own password).
 */
export type CommandAccess = Permission | 'public' | 'signedIn';

/**
 * Every contract command with what it needs. Typed by the contract, so a new command without an entry fails the
 * typecheck: nobody can forget to decide. Dispatch checks this before the handler runs.
 * Reading commands need `read`. Later features: `export.*` and `publications.*` writes need `export`, the audit
 * log and reports `reports`, face tagging `tag`, posts `prepare`, doubts `ask`, releases `release` (then `mayRelease`).
 */
export const commandPermissions: { readonly [K in CommandName]: CommandAccess } = {
  'library.status': 'read',
  'library.loadDemo': 'settings',
  'jobs.list': 'read',
  // The handler checks the permission that starts the job's kind (an export needs export, an import import).
  'jobs.cancel': 'signedIn',
  'org.get': 'read',
  'org.setFoundationName': 'settings',
  'schools.create': 'people',
  'classes.create': 'people',
  'channels.create': 'channels',
  'people.list': 'read',
  'people.get': 'read',
  'people.create': 'people',
  'people.update': 'people',
  'consent.matrix': 'read',
  'consent.show': 'read',
  'consent.set': 'consent',
  'csv.import': 'people',
  'media.import': 'import',
  'media.batches': 'read',
  'media.batch': 'read',
  'media.list': 'read',
  'media.get': 'read',
  'media.update': 'tag',
  // Lists folders on this computer, for choosing what to import.
  'files.browse': 'import',
  'audit.list': 'reports',
  'audit.facets': 'reports',
  'audit.personTimeline': 'reports',
  'audit.verify': 'reports',
  'audit.checkpoint': 'reports',
  'audit.exportCsv': 'reports',
  // A backup copies everyone's personal data to a folder of the caller's choice.
  'backup.create': 'settings',
  'backup.list': 'read',
  // Deleting backups removes the way back to an earlier state: the same right as making them.
  'backup.deleteOlder': 'settings',
  'session.status': 'public',
  'session.signIn': 'public',
  'session.signOut': 'public',
  'users.list': 'read',
  'users.add': 'users',
  'users.setPassword': 'signedIn',
  'users.setRoles': 'users',
  'users.remove': 'users',
  'users.setLockMinutes': 'settings',
  'export.check': 'read',
  'export.preview': 'read',
  // Also needs the right to release for the identity (rule 2), checked by the export service.
  'export.start': 'export',
  'export.report': 'read',
  'export.policy': 'read',
  'export.setPolicy': 'settings',
  'publications.list': 'read',
  'publications.done': 'export',
  'publications.setPostUrl': 'export',
  'media.marks': 'read',
  // Marking media confidential, "not for publication" or cleared is part of describing it, like its rights fields.
  'media.setMarks': 'tag',
  'faces.detect': 'tag',
  'faces.list': 'read',
  'faces.forMedia': 'read',
  'faces.track': 'read',
  'faces.assign': 'tag',
  'faces.add': 'tag',
  'faces.queue': 'read',
  'faces.ofPerson': 'read',
  // Computes face descriptors of open faces (kept in memory only) against references of people who allowed it.
  'faces.suggest': 'tag',
  'faces.settings': 'read',
  'faces.updateSettings': 'settings',
  'people.faceMatching': 'read',
  // The face matching permission is part of a person's consent record, kept by whoever keeps consent.
  'people.setFaceMatching': 'consent',
  'people.addReference': 'tag',
  'people.removeReference': 'tag',
  'identities.list': 'read',
  'identities.addChannel': 'channels',
  'identities.removeChannel': 'channels',
  'posts.list': 'read',
  'posts.get': 'read',
  'posts.create': 'prepare',
  // The author (or anyone who prepares) changes a draft; the service refuses changes after submitting.
  'posts.update': 'prepare',
  'posts.submit': 'prepare',
  // Also needs mayRelease for the post's identity and another profile than the author (four eyes), checked by the service.
  'posts.release': 'release',
  'posts.reject': 'release',
  'doubts.ask': 'ask',
  'doubts.list': 'read',
  // Also needs mayAnswer for the doubt's identity, checked by the service.
  'doubts.answer': 'answer',
  'consent.expiring': 'read',
  // The forms carry pupils' names and current answers: for whoever keeps consent.
  'consent.forms': 'consent',
  // A data-subject request (GDPR) is handled by whoever keeps the people records: all of one person's data leaves, or goes.
  'people.dataExport': 'people',
  'people.erasePreview': 'people',
  'people.erase': 'people',
  'reports.consent': 'reports',
  'reports.publications': 'reports',
};
