import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/contract';

/** The core's events (job progress, data changes), forwarded as-is to the UI by IPC or server-sent events. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    this.emitter.emit('event', name, payload);
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  onAny(listener: <K extends EventName>(name: K, payload: EventPayload<K>) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
