import type { MediaFilter, MediaTile } from '../../../../shared/contract/media';
import type { Media } from '../../../../shared/types';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../connection';
import { faceSummaryColumns, toFaceSummary, type FaceSummaryRow } from './media-face-sql';

/** Everything the import knows about a new media item: the stored fields, the grid's sort time and the file's own metadata. */
export type NewMedia = Omit<Media, 'id'> & { sortAt: string; embedded: Record<string, unknown> };

/** The fields a person edits on a media item. */
export type MediaEdits = Pick<Media, 'creator' | 'rightsHolder' | 'license' | 'credit' | 'eventName' | 'schoolId'>;

const columns = `id, sha256, kind, name, ext, byte_size AS byteSize, mime, width, height, orientation,
  captured_at AS capturedAt, imported_at AS importedAt, camera_make AS cameraMake, camera_model AS cameraModel,
  has_gps AS hasGps, duration_s AS durationS, has_audio AS hasAudio, rotation, creator, rights_holder AS rightsHolder,
  license, credit, event_name AS eventName, school_id AS schoolId, batch_id AS batchId, has_thumbnail AS hasThumbnail, warnings`;

type MediaRow = Omit<Media, 'hasGps' | 'hasAudio' | 'hasThumbnail' | 'warnings'> & {
  hasGps: number;
  hasAudio: number | null;
  hasThumbnail: number;
  warnings: string;
};

function toMedia(row: MediaRow): Media {
  return {
    ...row,
    hasGps: row.hasGps === 1,
    hasAudio: row.hasAudio === null ? null : row.hasAudio === 1,
    hasThumbnail: row.hasThumbnail === 1,
    warnings: JSON.parse(row.warnings) as string[],
  };
}

type TileRow = Omit<MediaTile, 'hasThumbnail' | 'hasWarnings' | 'faces'> & { hasThumbnail: number; hasWarnings: number } & FaceSummaryRow;

/** The day after a calendar date, so "to" includes the whole of its day in a text comparison of sort_at. */
function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Each condition is a plain comparison on a column of the media_grid_* indexes (migrations 003 and 012),
 * so SQLite walks one of them in sort order and counts without reading the table. Only the class filter
 * (media_classes) goes through a subquery.
 */
function whereClause(filter: MediaFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.from !== undefined) {
    where.push('sort_at >= @from');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    where.push('sort_at < @toExclusive');
    params.toExclusive = dayAfter(filter.to);
  }
  if (filter.schoolId !== undefined) {
    where.push('school_id = @schoolId');
    params.schoolId = filter.schoolId;
  }
  if (filter.classId !== undefined) {
    where.push('id IN (SELECT media_id FROM media_classes WHERE class_id = @classId)');
    params.classId = filter.classId;
  }
  if (filter.kind !== undefined) {
    where.push('kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.batchId !== undefined) {
    where.push('batch_id = @batchId');
    params.batchId = filter.batchId;
  }
  if (filter.hasErrors !== undefined) {
    where.push('has_warnings = @hasWarnings');
    params.hasWarnings = filter.hasErrors ? 1 : 0;
  }
  if (filter.faces !== undefined) {
    where.push('face_state = @faceState');
    params.faceState = filter.faces;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The grid's two queries for a filter; exported so their plans can be checked against the indexes. */
export function mediaListQueries(filter: MediaFilter): { count: string; page: string; params: Record<string, unknown> } {
  const { where, params } = whereClause(filter);
  return {
    count: `SELECT COUNT(*) AS n FROM media ${where}`,
    page: `SELECT id, kind, name, sort_at AS sortAt, has_thumbnail AS hasThumbnail, has_warnings AS hasWarnings, duration_s AS durationS,
             ${faceSummaryColumns}
           FROM media ${where} ORDER BY sort_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    params,
  };
}

export function createMediaRepository(db: Db) {
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM media');
  const byId = db.prepare<[number], MediaRow>(`SELECT ${columns} FROM media WHERE id = ?`);
  const bySha = db.prepare<[string], MediaRow>(`SELECT ${columns} FROM media WHERE sha256 = ?`);
  const idBySha = db.prepare<[string], { id: number }>('SELECT id FROM media WHERE sha256 = ?');
  const embedded = db.prepare<[number], { embedded: string }>('SELECT embedded_metadata AS embedded FROM media WHERE id = ?');
  const classIds = db.prepare<[number], { classId: number }>('SELECT class_id AS classId FROM media_classes WHERE media_id = ? ORDER BY class_id');
  const insert = db.prepare(
    `INSERT INTO media (sha256, kind, name, ext, byte_size, mime, width, height, orientation, captured_at, imported_at, sort_at,
       camera_make, camera_model, has_gps, duration_s, has_audio, rotation, creator, rights_holder, license, credit, event_name,
       school_id, batch_id, has_thumbnail, warnings, embedded_metadata)
     VALUES (@sha256, @kind, @name, @ext, @byteSize, @mime, @width, @height, @orientation, @capturedAt, @importedAt, @sortAt,
       @cameraMake, @cameraModel, @hasGps, @durationS, @hasAudio, @rotation, @creator, @rightsHolder, @license, @credit, @eventName,
       @schoolId, @batchId, @hasThumbnail, @warnings, @embedded)`,
  );
  const update = db.prepare(
    `UPDATE media SET creator = @creator, rights_holder = @rightsHolder, license = @license, credit = @credit,
       event_name = @eventName, school_id = @schoolId WHERE id = @id`,
  );
  const setThumbnail = db.prepare<[number, number]>('UPDATE media SET has_thumbnail = ? WHERE id = ?');
  const deleteClasses = db.prepare<[number]>('DELETE FROM media_classes WHERE media_id = ?');
  const insertClass = db.prepare<[number, number]>('INSERT INTO media_classes (media_id, class_id) VALUES (?, ?)');
  const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  // A grid query is one of a few dozen filter combinations; each is compiled once.
  const statements = new Map<string, Statement<Record<string, unknown>, unknown>>();
  const statement = <R>(sql: string) => {
    let st = statements.get(sql);
    if (!st) statements.set(sql, (st = db.prepare<Record<string, unknown>, unknown>(sql)));
    return st as Statement<Record<string, unknown>, R>;
  };

  return {
    count: (): number => count.get()!.n,
    get(id: number): Media | undefined {
      const row = byId.get(id);
      return row && toMedia(row);
    },
    getBySha(sha256: string): Media | undefined {
      const row = bySha.get(sha256.toLowerCase());
      return row && toMedia(row);
    },
    /** A media item named by a user: the numeric id, or else the sha256 of its original. */
    resolve(ref: string): Media | undefined {
      if (/^[0-9a-f]{64}$/i.test(ref)) return this.getBySha(ref);
      return /^\d{1,15}$/.test(ref) ? this.get(Number(ref)) : undefined;
    },
    idBySha: (sha256: string): number | undefined => idBySha.get(sha256)?.id,
    embedded: (id: number): Record<string, unknown> => JSON.parse(embedded.get(id)?.embedded ?? '{}') as Record<string, unknown>,
    classIds: (id: number): number[] => classIds.all(id).map((r) => r.classId),
    insert(m: NewMedia): number {
      const row = {
        ...m,
        hasGps: bool(m.hasGps),
        hasAudio: bool(m.hasAudio),
        hasThumbnail: bool(m.hasThumbnail),
        warnings: JSON.stringify(m.warnings),
        embedded: JSON.stringify(m.embedded),
      };
      return Number(insert.run(row).lastInsertRowid);
    },
    update: (id: number, edits: MediaEdits): void => void update.run({ ...edits, id }),
    setClasses(id: number, classIdList: number[]): void {
      deleteClasses.run(id);
      for (const classId of new Set(classIdList)) insertClass.run(id, classId);
    },
    setHasThumbnail: (id: number, has: boolean): void => void setThumbnail.run(has ? 1 : 0, id),
    /** One page of the grid, newest first, and how many items match in all. */
    list(filter: MediaFilter, offset: number, limit: number): { total: number; items: MediaTile[] } {
      const q = mediaListQueries(filter);
      const total = statement<{ n: number }>(q.count).get(q.params)!.n;
      const rows = statement<TileRow>(q.page).all({ ...q.params, limit, offset });
      const items = rows.map(({ faceScanned, faceTotal, faceOpen, ...r }) => ({
        ...r,
        hasThumbnail: r.hasThumbnail === 1,
        hasWarnings: r.hasWarnings === 1,
        faces: toFaceSummary({ faceScanned, faceTotal, faceOpen }),
      }));
      return { total, items };
    },
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
