import type { ConsentCell, ConsentOverview } from '../../shared/contract/consent';
import type { CsvImportReport, CsvProblem } from '../../shared/contract/csv-import';
import type { LibraryStatus } from '../../shared/contract/library';
import type { ImportBatchReport, MediaDetail } from '../../shared/contract/media';
import type { Organisation } from '../../shared/contract/people';
import type { Channel, ConsentRecord, Person } from '../../shared/types';

/**
 * The JSON the command line prints. It is a public interface that outside scripts read, so it is
 * mapped here field by field (snake_case) from the core's types instead of leaking them: a rename
 * inside the core must not change what scripts see.
 */

export const personName = (p: Person) => `${p.firstName} ${p.lastName}`;

export function personRefJson(p: Person) {
  return { id: p.id, external_id: p.externalId, name: personName(p) };
}

export function personJson(p: Person, org: Organisation) {
  return {
    ...personRefJson(p),
    first_name: p.firstName,
    last_name: p.lastName,
    role: p.role,
    school: org.schools.find((s) => s.id === p.schoolId)?.key ?? null,
    class: org.classes.find((c) => c.id === p.classId)?.name ?? null,
    date_of_birth: p.dateOfBirth,
  };
}

export function consentRecordJson(r: ConsentRecord) {
  return {
    id: r.id,
    channel: r.channel,
    status: r.status,
    given_by: r.givenBy,
    given_on: r.givenOn,
    valid_until: r.validUntil,
    note: r.note,
    evidence: r.evidence,
    source: r.source,
    recorded_at: r.recordedAt,
    recorded_by: r.recordedBy,
  };
}

/** `status` is the answer on record (null when none); `state` what it means on the date asked, e.g. expired. */
export function consentCellJson(c: ConsentCell) {
  return {
    channel: c.channel,
    status: c.record?.status ?? null,
    given_by: c.record?.givenBy ?? null,
    given_on: c.record?.givenOn ?? null,
    valid_until: c.record?.validUntil ?? null,
    state: c.state,
    required_giver: c.requiredGiver,
  };
}

export function consentOverviewJson(o: ConsentOverview) {
  return {
    person: personRefJson(o.person),
    date: o.date,
    current: o.current.map(consentCellJson),
    history: o.history.map(consentRecordJson),
  };
}

export function mediaJson(m: MediaDetail, org: Organisation) {
  return {
    id: m.id,
    sha256: m.sha256,
    kind: m.kind,
    name: m.name,
    mime: m.mime,
    byte_size: m.byteSize,
    width: m.width,
    height: m.height,
    duration_s: m.durationS,
    captured_at: m.capturedAt,
    imported_at: m.importedAt,
    creator: m.creator,
    rights_holder: m.rightsHolder,
    license: m.license,
    credit: m.credit,
    event: m.eventName,
    school: org.schools.find((s) => s.id === m.schoolId)?.key ?? null,
    batch: m.batchId,
    warnings: m.warnings,
  };
}

/** `failed` lists every file of the batch that could not be imported, with the reason as a sentence. */
export function importReportJson(r: ImportBatchReport) {
  return {
    imported: r.imported,
    duplicates: r.duplicates,
    failed: r.failed.map((f) => ({ path: f.path, error: f.error })),
    total: r.total,
    batch: r.id,
    status: r.status,
  };
}

const problemJson = (p: CsvProblem) => ({ line: p.line, column: p.column, message: p.message });

export function csvReportJson(r: CsvImportReport) {
  return {
    kind: r.kind,
    dry_run: r.dryRun,
    applied: r.applied,
    encoding: r.encoding,
    delimiter: r.delimiter,
    headers: r.headers,
    mapping: r.mapping,
    rows: r.rows,
    schools_to_create: r.schoolsToCreate,
    classes_to_create: r.classesToCreate,
    people_created: r.peopleCreated,
    people_updated: r.peopleUpdated,
    consents_added: r.consentsAdded,
    unchanged: r.unchanged,
    errors: r.errors.map(problemJson),
    warnings: r.warnings.map(problemJson),
    messages: r.messages,
  };
}

export function statusJson(s: LibraryStatus) {
  return {
    media: s.media,
    people: s.people,
    consents: s.consents,
    library: s.library,
    integrity: s.integrity,
    schema_version: s.schemaVersion,
  };
}

export function channelJson(c: Channel) {
  return { key: c.key, name: c.name, kind: c.kind, builtin: c.builtin };
}
