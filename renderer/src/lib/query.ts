import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { CommandInput, CommandName, CommandResult, EventName, EventPayload } from '../../../shared/contract';
import type { LibraryEvents } from '../../../shared/contract/library';
import type { AppError, Result } from '../../../shared/result';
import { bridge, invoke } from './api';

type Changed = LibraryEvents['library.changed']['what'];

export interface QueryState<T> {
  data: T | undefined;
  error: AppError | null;
  /** True until the first answer arrives; later refetches keep showing the previous data. */
  loading: boolean;
}

interface Entry {
  name: CommandName;
  input: unknown;
  state: QueryState<unknown>;
  subscribers: Set<() => void>;
  inFlight: boolean;
  stale: boolean;
}

const cache = new Map<string, Entry>();

/** Which changes make a command's answer out of date. Commands not listed refetch on any change. */
function dependsOn(name: CommandName): readonly Changed[] {
  if (name === 'jobs.list' || name === 'files.browse') return [];
  if (name === 'org.get') return ['org'];
  if (name.startsWith('faces.') || name === 'people.faceMatching') return ['faces', 'media', 'people', 'org'];
  if (name.startsWith('media.')) return ['media', 'org'];
  if (name.startsWith('people.')) return ['people', 'org'];
  if (name.startsWith('consent.')) return ['consent', 'people', 'org'];
  return ['people', 'consent', 'media', 'org'];
}

function setState(entry: Entry, state: QueryState<unknown>): void {
  entry.state = state;
  for (const notify of entry.subscribers) notify();
}

async function load(entry: Entry): Promise<void> {
  if (entry.inFlight) {
    entry.stale = true;
    return;
  }
  entry.inFlight = true;
  entry.stale = false;
  const result = (await invoke(entry.name, entry.input as never)) as Result<unknown>;
  entry.inFlight = false;
  setState(entry, result.ok ? { data: result.value, error: null, loading: false } : { data: entry.state.data, error: result.error, loading: false });
  if (entry.stale) void load(entry);
}

const pending = new Set<Changed>();
let timer: ReturnType<typeof setTimeout> | null = null;

/** Imports change the library many times a second; refetch at most a few times a second. */
function invalidate(what: Changed): void {
  pending.add(what);
  timer ??= setTimeout(() => {
    timer = null;
    const changes = [...pending];
    pending.clear();
    for (const entry of cache.values()) {
      if (!dependsOn(entry.name).some((d) => changes.includes(d))) continue;
      if (entry.subscribers.size > 0) void load(entry);
      else entry.stale = true;
    }
  }, 250);
}

let unsubscribeEvents: (() => void) | null = null;
function listenForChanges(): void {
  unsubscribeEvents ??= bridge.onEvent((name, payload) => {
    if (name === 'library.changed') invalidate((payload as EventPayload<'library.changed'>).what);
    // A finished job's batch report and counts are final now, whatever change events came before.
    if (name === 'job.finished') invalidate('media');
  });
}

/** Answers nobody shows any more are dropped once there are many (e.g. after browsing many folders). */
const maxUnusedEntries = 200;

function entryFor(name: CommandName, input: unknown): [string, Entry] {
  const key = `${name} ${JSON.stringify(input)}`;
  let entry = cache.get(key);
  if (!entry) {
    if (cache.size > maxUnusedEntries) for (const [k, e] of cache) if (e.subscribers.size === 0) cache.delete(k);
    entry = { name, input, state: { data: undefined, error: null, loading: true }, subscribers: new Set(), inFlight: false, stale: true };
    cache.set(key, entry);
  }
  return [key, entry];
}

/** Reads a command's answer, shared between components, refetched when the library changes. */
export function useCommand<K extends CommandName>(name: K, input: CommandInput<K>): QueryState<CommandResult<K>> & { refetch: () => void } {
  const [key, entry] = entryFor(name, input);
  const subscribe = useCallback(
    (notify: () => void) => {
      entry.subscribers.add(notify);
      return () => entry.subscribers.delete(notify);
    },
    [entry],
  );
  const state = useSyncExternalStore(subscribe, () => entry.state) as QueryState<CommandResult<K>>;
  useEffect(() => {
    listenForChanges();
    if (entry.stale) void load(entry);
  }, [key, entry]);
  const refetch = useCallback(() => void load(entry), [entry]);
  return { ...state, refetch };
}

/** Calls a command that changes something, tracking whether it runs and how it failed. */
export function useAction<K extends CommandName>(name: K) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (input: CommandInput<K>): Promise<CommandResult<K> | null> => {
      setBusy(true);
      setError(null);
      const result = await invoke(name, input);
      setBusy(false);
      if (result.ok) return result.value;
      setError(result.error);
      return null;
    },
    [name],
  );
  return { run, busy, error, clearError: () => setError(null) };
}

/** Subscribes to one kind of core event for the lifetime of the component. */
export function useEvent<K extends EventName>(name: K, handler: (payload: EventPayload<K>) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(
    () =>
      bridge.onEvent((event, payload) => {
        if ((event as EventName) === name) latest.current(payload as EventPayload<K>);
      }),
    [name],
  );
}
