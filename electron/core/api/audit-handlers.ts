import type { auditCommands } from '../../../shared/contract/audit';
import type { backupCommands } from '../../../shared/contract/backup';
import { auditFacets, exportAuditCsv, listAudit, verifyAudit } from '../audit/audit-service';
import { createCheckpoint } from '../audit/checkpoint';
import { personTimeline } from '../audit/person-timeline';
import { createBackup } from '../backup/create-backup';
import { deleteBackupsBefore } from '../backup/delete-backups';
import { restoreOffer } from '../backup/list-backups';
import type { Library } from '../library';
import type { FeatureHandlers } from './handler-types';

export function auditHandlers(lib: Library): FeatureHandlers<keyof typeof auditCommands | keyof typeof backupCommands> {
  return {
    'audit.list': ({ filter, order, offset, limit }) => listAudit(lib, filter, order, offset, limit),
    'audit.facets': () => auditFacets(lib),
    'audit.personTimeline': ({ person }) => personTimeline(lib, person),
    'audit.verify': ({ checkpoint }) => verifyAudit(lib, checkpoint),
    'audit.checkpoint': (_input, ctx) => createCheckpoint(lib, ctx),
    'audit.exportCsv': ({ filter }, ctx) => exportAuditCsv(lib, ctx, filter),
    'backup.create': ({ out, withMedia }, ctx) => createBackup(lib, ctx, { out, withMedia }),
    'backup.list': () => restoreOffer(lib.paths, lib.integrity),
    'backup.deleteOlder': ({ before }, ctx) => deleteBackupsBefore(lib, ctx, before),
  };
}
