export interface Reference {
  personId: number;
  embedding: readonly number[];
}

export interface Match {
  personId: number;
  distance: number;
}

export function euclidean(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/** The closest person (by their nearest reference) within `threshold`, or null. */
export function bestMatch(descriptor: readonly number[], references: readonly Reference[], threshold: number): Match | null {
  let best: Match | null = null;
  for (const ref of references) {
    const distance = euclidean(descriptor, ref.embedding);
    if (distance <= threshold && (best === null || distance < best.distance)) best = { personId: ref.personId, distance };
  }
  return best;
}

/**
 * Suggestions for the faces of one photo: one person is in a photo at most once, so candidates are
 * handed out closest first and a person already given to a closer face is not suggested again.
 */
export function assignWithinPhoto(descriptors: readonly (readonly number[] | null)[], references: readonly Reference[], threshold: number): (Match | null)[] {
  const candidates: { face: number; match: Match }[] = [];
  descriptors.forEach((d, face) => {
    if (!d) return;
    const nearest = new Map<number, number>();
    for (const ref of references) {
      const distance = euclidean(d, ref.embedding);
      if (distance <= threshold && distance < (nearest.get(ref.personId) ?? Infinity)) nearest.set(ref.personId, distance);
    }
    for (const [personId, distance] of nearest) candidates.push({ face, match: { personId, distance } });
  });
  candidates.sort((a, b) => a.match.distance - b.match.distance);
  const result: (Match | null)[] = descriptors.map(() => null);
  const givenPeople = new Set<number>();
  for (const c of candidates) {
    if (result[c.face] !== null || givenPeople.has(c.match.personId)) continue;
    result[c.face] = c.match;
    givenPeople.add(c.match.personId);
  }
  return result;
}
