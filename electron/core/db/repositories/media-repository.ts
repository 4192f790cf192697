import type { Db } from '../connection';

export function createMediaRepository(db: Db) {
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM media');
  return {
    count: (): number => count.get()!.n,
  };
}

export type MediaRepository = ReturnType<typeof createMediaRepository>;
