import type { Channel, ChannelKind } from '../../../../shared/types';
import type { Db } from '../connection';

interface ChannelRow {
  key: string;
  name: string;
  kind: ChannelKind;
  builtin: number;
}

export function createChannelRepository(db: Db) {
  const all = db.prepare<[], ChannelRow>('SELECT key, name, kind, builtin FROM channels ORDER BY sort, key');
  const byKey = db.prepare<[string], ChannelRow>('SELECT key, name, kind, builtin FROM channels WHERE key = ?');
  const insert = db.prepare(
    'INSERT INTO channels (key, name, kind, builtin, sort) VALUES (@key, @name, @kind, @builtin, (SELECT COALESCE(MAX(sort), 0) + 1 FROM channels))',
  );
  const toChannel = (r: ChannelRow): Channel => ({ key: r.key, name: r.name, kind: r.kind, builtin: r.builtin === 1 });
  return {
    list: (): Channel[] => all.all().map(toChannel),
    get(key: string): Channel | undefined {
      const r = byKey.get(key);
      return r && toChannel(r);
    },
    create(channel: Channel): Channel {
      insert.run({ ...channel, builtin: channel.builtin ? 1 : 0 });
      return channel;
    },
  };
}

export type ChannelRepository = ReturnType<typeof createChannelRepository>;
