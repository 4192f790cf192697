import { useMemo } from 'react';
import type { Person } from '../../../../shared/types';
import { useCommand } from '../../lib/query';

/** Everyone in the library by id: names for face labels and the list a reviewer searches. Shared by all face views. */
export function usePeople(): { list: Person[]; byId: Map<number, Person>; ready: boolean } {
  const people = useCommand('people.list', {});
  const byId = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);
  return { list: people.data ?? [], byId, ready: people.data !== undefined };
}
