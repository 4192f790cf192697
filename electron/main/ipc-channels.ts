import type { CommandName } from '../../shared/contract';

/** Every IPC channel name is made here, so the preload and the main process cannot drift apart. */
export const commandChannel = (name: CommandName): string => `cf:${name}`;

/** Core events travel main → renderer on one channel as (name, payload). */
export const eventChannel = 'cf:event';
