import type { ChannelPresets, OfficialChannel } from '../../../../shared/contract/publishing';
import type { Db } from '../connection';

export interface NewOfficialChannel extends ChannelPresets {
  identity: string;
  channel: string;
  account: string;
  url: string | null;
}

const columns = `o.id, o.identity_key AS identity, o.channel_key AS channel, c.name AS channelName, o.account, o.url,
  o.photo_max_edge AS photoMaxEdge, o.jpeg_quality AS jpegQuality, o.video_max_edge AS videoMaxEdge, o.video_max_kbps AS videoMaxKbps`;

/** The official channels (accounts) of each publishing identity (rule 13). */
export function createIdentityRepository(db: Db) {
  const all = db.prepare<[], OfficialChannel>(
    `SELECT ${columns} FROM official_channels o JOIN channels c ON c.key = o.channel_key ORDER BY o.identity_key, c.sort, o.id`,
  );
  const ofIdentity = db.prepare<[string], OfficialChannel>(
    `SELECT ${columns} FROM official_channels o JOIN channels c ON c.key = o.channel_key WHERE o.identity_key = ? ORDER BY c.sort, o.id`,
  );
  const one = db.prepare<[string, string], OfficialChannel>(
    `SELECT ${columns} FROM official_channels o JOIN channels c ON c.key = o.channel_key WHERE o.identity_key = ? AND o.channel_key = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO official_channels (identity_key, channel_key, account, url, photo_max_edge, jpeg_quality, video_max_edge, video_max_kbps, added_at, added_by)
     VALUES (@identity, @channel, @account, @url, @photoMaxEdge, @jpegQuality, @videoMaxEdge, @videoMaxKbps, @now, @by)
     ON CONFLICT(identity_key, channel_key) DO UPDATE SET account = excluded.account, url = excluded.url,
       photo_max_edge = excluded.photo_max_edge, jpeg_quality = excluded.jpeg_quality,
       video_max_edge = excluded.video_max_edge, video_max_kbps = excluded.video_max_kbps`,
  );
  const remove = db.prepare<[string, string]>('DELETE FROM official_channels WHERE identity_key = ? AND channel_key = ?');
  return {
    all: (): OfficialChannel[] => all.all(),
    ofIdentity: (identity: string): OfficialChannel[] => ofIdentity.all(identity),
    get: (identity: string, channel: string): OfficialChannel | undefined => one.get(identity, channel),
    set(channel: NewOfficialChannel, by: string): void {
      upsert.run({ ...channel, now: new Date().toISOString(), by });
    },
    remove(identity: string, channel: string): boolean {
      return remove.run(identity, channel).changes > 0;
    },
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
