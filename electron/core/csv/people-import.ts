import { personRoles, type Person, type PersonRole } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import type { PersonFields } from '../db/repositories/person-repository';
import type { Library } from '../library';
import { ensureClass, ensureSchool } from '../services/org-service';
import type { ResolvedColumns } from './columns';
import type { ImportPlan } from './import-plan';
import { orgLookup, type OrgLookup } from './org-lookup';
import type { CsvTable } from './parse-csv';
import type { ProblemList } from './problem-list';
import { maxExternalIdLength, rowCells, type RowCells } from './row-cells';

interface PersonValues {
  externalId: string;
  firstName: string;
  lastName: string;
  role: PersonRole;
  schoolKey: string | null;
  className: string | null;
  /** undefined: the file gives none, so a known date of birth is kept (it decides who must consent). */
  dateOfBirth: string | null | undefined;
}

function readPerson(cells: RowCells, org: OrgLookup, today: string): PersonValues | null {
  const externalId = cells.label('external_id', 'external id', maxExternalIdLength);
  const firstName = cells.label('first_name', 'first name');
  const lastName = cells.label('last_name', 'last name');
  const role = cells.choice('role', personRoles, { required: true });
  const schoolKey = org.school(cells);
  const classText = cells.text('class');
  const className = classText === '' ? null : cells.label('class', 'class');
  if (className !== null && cells.text('school') === '') cells.error('class', { code: 'class_without_school', params: { className } }, `The class "${className}" is given without a school. Fill in the school too.`);
  const dateOfBirth = cells.date('date_of_birth', { required: false, notAfter: today });
  if (!cells.ok || externalId === null || firstName === null || lastName === null || role === null) return null;
  return { externalId, firstName, lastName, role, schoolKey, className, dateOfBirth: dateOfBirth ?? undefined };
}

/**
 * People are matched by external id: a new id creates a person, a known one is updated when a field differs.
 * Missing schools and classes are created (and listed in the report first).
 */
export function planPeople(
  lib: Library,
  ctx: RequestContext,
  table: CsvTable,
  columns: ResolvedColumns,
  problems: ProblemList,
  today: string,
): ImportPlan {
  const org = orgLookup(lib);
  const seen = new Map<string, number>();
  const creates: PersonValues[] = [];
  const updates: { before: Person; values: PersonValues }[] = [];
  let unchanged = 0;

  for (const row of table.rows) {
    const cells = rowCells(row, table.headers.length, columns, problems);
    const values = readPerson(cells, org, today);
    if (!values) continue;
    const firstLine = seen.get(values.externalId);
    if (firstLine !== undefined) {
      cells.error('external_id', { code: 'duplicate_external_id', params: { externalId: values.externalId, firstLine } }, `The external id "${values.externalId}" is already used on line ${firstLine}. Each person may appear once.`);
      continue;
    }
    seen.set(values.externalId, row.line);
    const schoolId = values.schoolKey === null ? null : org.schoolId(values.schoolKey);
    const classId = values.schoolKey === null || values.className === null ? null : org.classId(values.schoolKey, values.className);
    const inNewOrg = (values.schoolKey !== null && schoolId === null) || (values.className !== null && classId === null);
    const before = lib.repos.people.findByExternalId(values.externalId);
    if (!before) creates.push(values);
    else if (
      inNewOrg ||
      before.firstName !== values.firstName ||
      before.lastName !== values.lastName ||
      before.role !== values.role ||
      before.schoolId !== schoolId ||
      before.classId !== classId ||
      (values.dateOfBirth !== undefined && before.dateOfBirth !== values.dateOfBirth)
    ) {
      if (values.schoolKey === null && values.className === null && before.schoolId !== null) {
        const person = `${values.firstName} ${values.lastName}`;
        cells.warn('school', { code: 'person_unlinked', params: { person } }, `${person} is no longer linked to a school or class after this import.`);
      }
      updates.push({ before, values });
    } else unchanged++;
  }

  const schoolsToCreate = [...org.newSchools];
  const classesToCreate = [...org.newClasses.values()];
  return {
    counts: {
      schoolsToCreate,
      classesToCreate: classesToCreate.map((c) => `${c.schoolKey} / ${c.name}`),
      peopleCreated: creates.length,
      peopleUpdated: updates.length,
      consentsAdded: 0,
      unchanged,
    },
    changes: schoolsToCreate.length + classesToCreate.length + creates.length + updates.length,
    changed: schoolsToCreate.length + classesToCreate.length > 0 ? ['org', 'people'] : ['people'],
    apply() {
      const schoolIds = new Map<string, number>();
      const schoolId = (key: string): number => {
        let id = schoolIds.get(key);
        if (id === undefined) schoolIds.set(key, (id = ensureSchool(lib, ctx, key).id));
        return id;
      };
      const classIds = new Map<string, number>();
      const fields = (v: PersonValues, keepDateOfBirth: string | null): PersonFields => {
        const sid = v.schoolKey === null ? null : schoolId(v.schoolKey);
        let cid: number | null = null;
        if (sid !== null && v.className !== null) {
          const k = `${sid}/${v.className}`;
          cid = classIds.get(k) ?? ensureClass(lib, ctx, sid, v.className).id;
          classIds.set(k, cid);
        }
        const { externalId, firstName, lastName, role } = v;
        return { externalId, firstName, lastName, role, schoolId: sid, classId: cid, dateOfBirth: v.dateOfBirth ?? keepDateOfBirth };
      };
      // The same audit actions as people entered by hand, so the audit log reads the same whatever the source.
      for (const v of creates) {
        const created = lib.repos.people.create(fields(v, null));
        lib.repos.audit.append(ctx.actor, 'person.created', `person:${created.id}`, { externalId: created.externalId, role: created.role });
      }
      for (const { before, values } of updates) {
        const updated = lib.repos.people.update(before.id, fields(values, before.dateOfBirth));
        lib.repos.audit.append(ctx.actor, 'person.updated', `person:${before.id}`, { before, after: updated });
      }
    },
  };
}
