import type { Db } from '../connection';

export interface FaceMatchingPermission {
  personId: number;
  grantedAt: string;
  grantedBy: string;
}

export interface FaceReferenceRow {
  id: number;
  personId: number;
  faceId: number | null;
  imageName: string | null;
  modelVersion: string;
  takenAt: string;
  createdAt: string;
  createdBy: string;
}

export interface NewFaceReference {
  personId: number;
  faceId: number | null;
  imageName: string | null;
  embedding: readonly number[];
  modelVersion: string;
  takenAt: string;
  createdBy: string;
}

const referenceColumns = `id, person_id AS personId, face_id AS faceId, image_name AS imageName, model_version AS modelVersion,
  taken_at AS takenAt, created_at AS createdAt, created_by AS createdBy`;

const toBlob = (embedding: readonly number[]) => Buffer.from(new Float32Array(embedding).buffer);
const fromBlob = (b: Buffer) => Array.from(new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));

/**
 * The face matching permission per person and the reference embeddings it allows. The schema ties
 * each embedding to the permission row (ON DELETE CASCADE): withdrawing the permission or removing
 * the person deletes the embeddings in the same statement.
 */
export function createFaceMatchingRepository(db: Db) {
  const permission = db.prepare<[number], FaceMatchingPermission>(
    'SELECT person_id AS personId, granted_at AS grantedAt, granted_by AS grantedBy FROM face_matching WHERE person_id = ?',
  );
  const grant = db.prepare<[number, string, string]>('INSERT OR IGNORE INTO face_matching (person_id, granted_at, granted_by) VALUES (?, ?, ?)');
  const withdraw = db.prepare<[number]>('DELETE FROM face_matching WHERE person_id = ?');
  const insertReference = db.prepare(
    `INSERT INTO face_references (person_id, face_id, image_name, embedding, model_version, taken_at, created_at, created_by)
     VALUES (@personId, @faceId, @imageName, @embedding, @modelVersion, @takenAt, @createdAt, @createdBy)`,
  );
  const references = db.prepare<[number], FaceReferenceRow>(`SELECT ${referenceColumns} FROM face_references WHERE person_id = ? ORDER BY id`);
  const reference = db.prepare<[number], FaceReferenceRow>(`SELECT ${referenceColumns} FROM face_references WHERE id = ?`);
  const removeReference = db.prepare<[number]>('DELETE FROM face_references WHERE id = ?');
  const embeddings = db.prepare<[string], { personId: number; embedding: Buffer }>(
    'SELECT person_id AS personId, embedding FROM face_references WHERE model_version = ? ORDER BY person_id, id',
  );
  const countEmbeddings = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM face_references WHERE person_id = ?');
  return {
    permission: (personId: number): FaceMatchingPermission | undefined => permission.get(personId),
    grant: (personId: number, by: string): void => void grant.run(personId, new Date().toISOString(), by),
    /** Ends the permission; the person's reference embeddings go with it. Returns how many were deleted. */
    withdraw(personId: number): number {
      const n = countEmbeddings.get(personId)!.n;
      withdraw.run(personId);
      return n;
    },
    addReference(r: NewFaceReference): number {
      const row = { ...r, embedding: toBlob(r.embedding), createdAt: new Date().toISOString() };
      return Number(insertReference.run(row).lastInsertRowid);
    },
    references: (personId: number): FaceReferenceRow[] => references.all(personId),
    reference: (id: number): FaceReferenceRow | undefined => reference.get(id),
    removeReference: (id: number): void => void removeReference.run(id),
    /** Every stored embedding of the given model, for matching. */
    embeddings: (modelVersion: string) => embeddings.all(modelVersion).map((r) => ({ personId: r.personId, embedding: fromBlob(r.embedding) })),
    embeddingCount: (personId: number): number => countEmbeddings.get(personId)!.n,
  };
}

export type FaceMatchingRepository = ReturnType<typeof createFaceMatchingRepository>;
