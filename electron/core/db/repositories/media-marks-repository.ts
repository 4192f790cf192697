import type { AudioRights, ThirdPartyPermission } from '../../../../shared/domain/decision-input';
import type { Db } from '../connection';

/** What the decision reads about a media item besides its rights fields (rules 3, 6 and 8). */
export interface MediaMarks {
  mediaId: number;
  confidential: boolean;
  /** The reason it may not be published; null when it is not marked. */
  notForPublication: string | null;
  audioRights: AudioRights;
  thirdPartyPermission: (ThirdPartyPermission & { evidence: string | null }) | null;
}

interface MarksRow {
  mediaId: number;
  confidential: number;
  notForPublication: string | null;
  audioRights: AudioRights;
  permissionChannels: string | null;
  permissionUntil: string | null;
  permissionEvidence: string | null;
}

const columns = `media_id AS mediaId, confidential, not_for_publication AS notForPublication, audio_rights AS audioRights,
  permission_channels AS permissionChannels, permission_until AS permissionUntil, permission_evidence AS permissionEvidence`;

/** A media item nobody marked: not confidential, publishable as far as marks go, sound of unknown origin. */
export const unmarked = (mediaId: number): MediaMarks => ({
  mediaId,
  confidential: false,
  notForPublication: null,
  audioRights: 'unknown',
  thirdPartyPermission: null,
});

function toMarks(r: MarksRow): MediaMarks {
  return {
    mediaId: r.mediaId,
    confidential: r.confidential === 1,
    notForPublication: r.notForPublication,
    audioRights: r.audioRights,
    thirdPartyPermission:
      r.permissionChannels === null
        ? null
        : { channels: JSON.parse(r.permissionChannels) as string[], until: r.permissionUntil, evidence: r.permissionEvidence },
  };
}

export function createMediaMarksRepository(db: Db) {
  const byId = db.prepare<[number], MarksRow>(`SELECT ${columns} FROM media_marks WHERE media_id = ?`);
  const upsert = db.prepare(
    `INSERT INTO media_marks (media_id, confidential, not_for_publication, audio_rights, permission_channels, permission_until,
       permission_evidence, updated_at, updated_by)
     VALUES (@mediaId, @confidential, @notForPublication, @audioRights, @permissionChannels, @permissionUntil, @permissionEvidence, @now, @by)
     ON CONFLICT(media_id) DO UPDATE SET confidential = excluded.confidential, not_for_publication = excluded.not_for_publication,
       audio_rights = excluded.audio_rights, permission_channels = excluded.permission_channels,
       permission_until = excluded.permission_until, permission_evidence = excluded.permission_evidence,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  return {
    get(mediaId: number): MediaMarks {
      const row = byId.get(mediaId);
      return row ? toMarks(row) : unmarked(mediaId);
    },
    set(marks: MediaMarks, by: string): void {
      const p = marks.thirdPartyPermission;
      upsert.run({
        mediaId: marks.mediaId,
        confidential: marks.confidential ? 1 : 0,
        notForPublication: marks.notForPublication,
        audioRights: marks.audioRights,
        permissionChannels: p ? JSON.stringify(p.channels) : null,
        permissionUntil: p?.until ?? null,
        permissionEvidence: p?.evidence ?? null,
        now: new Date().toISOString(),
        by,
      });
    },
  };
}

export type MediaMarksRepository = ReturnType<typeof createMediaMarksRepository>;
