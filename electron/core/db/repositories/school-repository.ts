import type { School, SchoolClass } from '../../../../shared/types';
import type { Db } from '../connection';

export function createSchoolRepository(db: Db) {
  const allSchools = db.prepare<[], School>('SELECT id, key, name FROM schools ORDER BY name');
  const byKey = db.prepare<[string], School>('SELECT id, key, name FROM schools WHERE key = ?');
  const insertSchool = db.prepare<[string, string, string]>('INSERT INTO schools (key, name, created_at) VALUES (?, ?, ?)');
  const allClasses = db.prepare<[], SchoolClass>('SELECT id, school_id AS schoolId, name FROM classes ORDER BY school_id, name');
  const classByName = db.prepare<[number, string], SchoolClass>(
    'SELECT id, school_id AS schoolId, name FROM classes WHERE school_id = ? AND name = ?',
  );
  const classById = db.prepare<[number], SchoolClass>('SELECT id, school_id AS schoolId, name FROM classes WHERE id = ?');
  const insertClass = db.prepare<[number, string]>('INSERT INTO classes (school_id, name) VALUES (?, ?)');
  return {
    listSchools: (): School[] => allSchools.all(),
    findSchool: (key: string): School | undefined => byKey.get(key),
    createSchool(key: string, name: string): School {
      const id = Number(insertSchool.run(key, name, new Date().toISOString()).lastInsertRowid);
      return { id, key, name };
    },
    listClasses: (): SchoolClass[] => allClasses.all(),
    findClass: (schoolId: number, name: string): SchoolClass | undefined => classByName.get(schoolId, name),
    getClass: (id: number): SchoolClass | undefined => classById.get(id),
    createClass(schoolId: number, name: string): SchoolClass {
      const id = Number(insertClass.run(schoolId, name).lastInsertRowid);
      return { id, schoolId, name };
    },
  };
}

export type SchoolRepository = ReturnType<typeof createSchoolRepository>;
