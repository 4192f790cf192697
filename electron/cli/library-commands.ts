import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { BackupInfo, BackupReport, RestoreOffer } from '../../shared/contract/backup';
import { flag, text } from './arguments';
import { CliError, exitCodes, usageError } from './cli-error';
import type { CliCommand } from './command';
import { count, pairs, table } from './output';
import type { Session } from './session';

function backupJson(r: BackupReport) {
  return {
    path: r.path,
    library: r.library,
    created_at: r.createdAt,
    schema_version: r.schemaVersion,
    database: r.database,
    audit: r.audit,
    media: r.media,
  };
}

export function backupInfoJson(b: BackupInfo) {
  return {
    path: b.path,
    name: b.name,
    kind: b.kind,
    created_at: b.createdAt,
    bytes: b.bytes,
    schema_version: b.schemaVersion,
    audit_entries: b.auditEntries,
    with_media: b.withMedia,
  };
}

/** What to do when the library's database is damaged: the newest backup and the command that puts it back. */
export function restoreAdvice(offer: RestoreOffer): string {
  const newest = offer.backups[0];
  const damage = `The library database is damaged (${offer.integrity}).`;
  if (!newest) return `${damage} There is no backup to restore: copy the library folder somewhere safe before anything else.`;
  return `${damage} Close ClearFrame and restore the newest backup with: clearframe restore "${newest.path}" (clearframe backup list shows them all).`;
}

/**
 * Who restores: a profile allowed to back up, signed in as for any command, when the library opens. A library
 * too damaged to open cannot check a profile; whoever can reach its folder could replace the files anyway, so the
 * restore then runs as the computer's user. The session is closed again: a restore needs the library shut.
 */
async function restoringActor(session: Session): Promise<string> {
  try {
    return (await session.context('backup.create')).actor;
  } catch (err) {
    if (err instanceof CliError && ['unauthorized', 'forbidden', 'not_found'].includes(err.code)) throw err;
    return `cli:${computerUser()}`;
  } finally {
    session.close();
  }
}

function computerUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export const libraryCommands: CliCommand[] = [
  {
    name: 'backup',
    usage: '',
    summary: 'Back up the library: the database (SQLite backup API) and the media store manifest.',
    details: [
      'Writes a folder backup-<time> with library.sqlite, manifest.json (checksums, audit head, media files) and,',
      'with --with-media, store/ holding the originals. The copy is checked before the folder gets its name.',
      'JSON: {path, library, created_at, schema_version, database: {bytes, sha256},',
      '       audit: {entries, ok, head: {seq, hash, at} | null}, media: {files, bytes, included}}',
    ],
    options: {
      out: { type: 'string', value: 'DIR', description: "Where to put the backup folder (default: the library's backups folder)." },
      'with-media': { type: 'boolean', description: 'Copy the original photos and videos too.' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const out = text(input, 'out');
      const report = await session.call('backup.create', { out: out === undefined ? undefined : resolve(out), withMedia: flag(input, 'with-media') });
      const human = pairs([
        ['Backup', report.path],
        ['Database', `${report.database.bytes} bytes, sha256 ${report.database.sha256}`],
        ['Audit log', `${count(report.audit.entries, 'entry', 'entries')}${report.audit.ok ? '' : ' (does NOT verify)'}`],
        ['Media', `${count(report.media.files, 'file')}${report.media.included ? ', copied' : ', listed (not copied)'}`],
      ]);
      return { json: backupJson(report), human };
    },
  },
  {
    name: 'backup list',
    usage: '',
    summary: 'The backups that `restore` can put back, newest first.',
    details: [
      'kind: backup (made with `clearframe backup`), before-migration or before-restore (kept automatically).',
      'Reads no database, so it works when the library is too damaged to open.',
      'JSON: [{path, name, kind, created_at, bytes, schema_version, audit_entries, with_media}]',
    ],
    options: { in: { type: 'string', value: 'DIR', description: "The folder to look in (default: the library's backups folder)." } },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const { listBackups } = await import('../core/backup/list-backups');
      const folder = resolve(text(input, 'in') ?? join(session.options.home, 'backups'));
      const backups = listBackups(folder).map(backupInfoJson);
      const human =
        backups.length === 0
          ? `No backups in ${folder}.`
          : table(
              ['CREATED', 'KIND', 'ENTRIES', 'MEDIA', 'PATH'],
              backups.map((b) => [b.created_at.slice(0, 19).replace('T', ' '), b.kind, b.audit_entries, b.with_media ? 'copied' : '', b.path]),
            ) + `\n${count(backups.length, 'backup')}.`;
      return { json: backups, human };
    },
  },
  {
    name: 'backup delete-older',
    usage: '',
    summary: "Delete the backups in the library's backups folder made before a time (e.g. before an erasure).",
    details: [
      'Backups made before a person was erased still hold that person; `people erase` prints the time to use.',
      'Without --confirm, only lists what would be deleted. Backups kept elsewhere are not touched.',
      'JSON: {deleted: [name], bytes, kept} (with --confirm), or the backups that would go: [{path, name, kind, created_at, ...}]',
    ],
    options: {
      before: { type: 'string', value: 'TIME', description: 'An ISO date and time in UTC, like 2026-11-25T14:00:00Z.' },
      confirm: { type: 'boolean', description: 'Really delete: a deleted backup cannot be restored.' },
    },
    args: { min: 0, max: 0 },
    async run(session, input) {
      const before = text(input, 'before');
      if (before === undefined) throw usageError('Say which backups to delete with --before TIME (e.g. the erased_at of `people erase`).');
      if (!flag(input, 'confirm')) {
        const cutoff = Date.parse(before);
        const { backups } = await session.call('backup.list', {});
        const old = backups.filter((b) => Date.parse(b.createdAt) < cutoff);
        return {
          json: old.map(backupInfoJson),
          human: old.map((b) => b.path).join('\n'),
          failure: `Nothing was deleted: run again with --confirm to delete ${count(old.length, 'backup')} made before ${before}.`,
          exitCode: exitCodes.usage,
        };
      }
      const r = await session.call('backup.deleteOlder', { before, confirm: true });
      return { json: r, human: `${count(r.deleted.length, 'backup')} deleted; ${count(r.kept, 'backup')} left in the library folder.` };
    },
  },
  {
    name: 'restore',
    usage: '<backup>',
    summary: 'Put a backup back in place of the library (close ClearFrame first).',
    details: [
      '<backup>: a backup folder, or a database file from `backup list`. The backup is copied and checked first',
      '(checksum, full integrity check, schema version, audit chain); the current database is kept in backups/ as',
      'before-restore-<time>.sqlite. Originals the backup holds and the store lacks are copied back; none are removed.',
      'JSON: {source, safety_copy, schema_version, audit_entries, accepted, media: {restored, missing}}',
    ],
    options: {
      force: { type: 'boolean', description: "Restore even if the backup's audit log does not verify or it is of another library." },
    },
    args: { min: 1, max: 1 },
    async run(session, input) {
      const { restoreBackup } = await import('../core/backup/restore-backup');
      const actor = await restoringActor(session);
      const r = await restoreBackup(session.options.home, resolve(input.args[0]!), { force: flag(input, 'force'), actor });
      const json = {
        source: r.source,
        safety_copy: r.safetyCopy,
        schema_version: r.schemaVersion,
        audit_entries: r.auditEntries,
        accepted: r.accepted,
        media: r.media,
      };
      const lines = [`Restored ${r.source}.`];
      if (r.safetyCopy) lines.push(`The database it replaced is kept as ${r.safetyCopy}.`);
      if (r.media.restored > 0) lines.push(`${count(r.media.restored, 'original')} copied back into the store.`);
      if (r.media.missing > 0) lines.push(`${count(r.media.missing, 'media item')} in the restored library ${r.media.missing === 1 ? 'has' : 'have'} no original in the store; import ${r.media.missing === 1 ? 'it' : 'them'} again.`);
      return { json, human: lines.join('\n') };
    },
  },
];
