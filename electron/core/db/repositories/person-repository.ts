import type { Person, PersonRole } from '../../../../shared/types';
import type { Db } from '../connection';

const columns =
  'id, external_id AS externalId, first_name AS firstName, last_name AS lastName, role, school_id AS schoolId, class_id AS classId, date_of_birth AS dateOfBirth';

export interface PersonFields {
  externalId: string | null;
  firstName: string;
  lastName: string;
  role: PersonRole;
  schoolId: number | null;
  classId: number | null;
  dateOfBirth: string | null;
}

export interface PersonFilter {
  schoolId?: number;
  classId?: number;
  search?: string;
}

export function createPersonRepository(db: Db) {
  // An erased person is a tombstone that only keeps their id taken (migration 8): no reader sees it.
  const byId = db.prepare<[number], Person>(`SELECT ${columns} FROM people WHERE id = ? AND erased_at IS NULL`);
  const byExternalId = db.prepare<[string], Person>(`SELECT ${columns} FROM people WHERE external_id = ? AND erased_at IS NULL`);
  const insert = db.prepare(
    `INSERT INTO people (external_id, first_name, last_name, role, school_id, class_id, date_of_birth, created_at, updated_at)
     VALUES (@externalId, @firstName, @lastName, @role, @schoolId, @classId, @dateOfBirth, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE people SET external_id = @externalId, first_name = @firstName, last_name = @lastName, role = @role,
     school_id = @schoolId, class_id = @classId, date_of_birth = @dateOfBirth, updated_at = @now WHERE id = @id`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM people WHERE erased_at IS NULL');
  return {
    get: (id: number): Person | undefined => byId.get(id),
    findByExternalId: (externalId: string): Person | undefined => byExternalId.get(externalId),
    /** A person named on the command line or in a file: the numeric id, or else the external id. */
    resolve(ref: string): Person | undefined {
      return byExternalId.get(ref) ?? (/^\d+$/.test(ref) ? byId.get(Number(ref)) : undefined);
    },
    list(filter: PersonFilter = {}): Person[] {
      const where: string[] = ['erased_at IS NULL'];
      const params: Record<string, unknown> = {};
      if (filter.schoolId !== undefined) {
        where.push('school_id = @schoolId');
        params.schoolId = filter.schoolId;
      }
      if (filter.classId !== undefined) {
        where.push('class_id = @classId');
        params.classId = filter.classId;
      }
      if (filter.search) {
        where.push("(first_name || ' ' || last_name LIKE @search OR external_id LIKE @search)");
        params.search = `%${filter.search}%`;
      }
      const sql = `SELECT ${columns} FROM people WHERE ${where.join(' AND ')} ORDER BY last_name, first_name, id`;
      return db.prepare<Record<string, unknown>, Person>(sql).all(params);
    },
    create(fields: PersonFields): Person {
      const id = Number(insert.run({ ...fields, now: new Date().toISOString() }).lastInsertRowid);
      return { id, ...fields };
    },
    update(id: number, fields: PersonFields): Person {
      update.run({ ...fields, id, now: new Date().toISOString() });
      return { id, ...fields };
    },
    count: (): number => count.get()!.n,
  };
}

export type PersonRepository = ReturnType<typeof createPersonRepository>;
