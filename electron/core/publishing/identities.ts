import type { OfficialChannel, PublishingIdentityView } from '../../../shared/contract/publishing';
import type { PublishingIdentity } from '../../../shared/domain/decision-input';
import type { Identity } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { Media } from '../../../shared/types';
import type { RequestContext } from '../api/context';
import { foundationKey, resolveIdentity } from '../export/identities';
import { resolveChannel } from '../export/selection';
import type { NewOfficialChannel } from '../db/repositories/identity-repository';
import type { Library } from '../library';

/** The foundation first, then every school: the identities anything can be published in the name of (rule 2). */
export function listIdentities(lib: Library): PublishingIdentityView[] {
  const channels = lib.repos.identities.all();
  const of = (key: string) => channels.filter((c) => c.identity === key);
  return [
    { key: foundationKey, name: lib.repos.settings.get('foundation_name') ?? 'Foundation', kind: 'foundation' as const, channels: of(foundationKey) },
    ...lib.repos.schools.listSchools().map((s) => ({ key: s.key, name: s.name, kind: 'school' as const, channels: of(s.key) })),
  ];
}

function identityView(lib: Library, key: string): PublishingIdentityView {
  return listIdentities(lib).find((i) => i.key === key)!;
}

/** The identity as the decision reads it, with its official channels (rule 13). */
export function publishingIdentity(lib: Library, key: string): PublishingIdentity {
  const identity = resolveIdentity(lib, key);
  return { ...identity, officialChannels: lib.repos.identities.ofIdentity(identity.key).map((c) => c.channel) };
}

/** Only an official channel of the identity can be chosen for a post (rule 13). */
export function officialChannel(lib: Library, identityKey: string, channelKey: string): OfficialChannel {
  const identity = resolveIdentity(lib, identityKey);
  resolveChannel(lib, channelKey);
  const found = lib.repos.identities.get(identity.key, channelKey);
  if (found) return found;
  const listed = lib.repos.identities.ofIdentity(identity.key).map((c) => c.channel);
  throw new ClearFrameError(
    'forbidden',
    listed.length === 0
      ? `${identity.name} has no official channels yet, so nothing can be published in its name; an admin adds them under Channels.`
      : `${channelKey} is not an official channel of ${identity.name}; choose one of: ${listed.join(', ')}, or ask an admin to add it.`,
  );
}

export function toIdentity(key: string): Identity {
  return key === foundationKey ? { kind: 'foundation' } : { kind: 'school', key };
}

/** Whose management answers a question about a media item: its school's, or the board's when it has none. */
export function identityOfMedia(lib: Library, media: Media): string {
  if (media.schoolId === null) return foundationKey;
  return lib.repos.schools.listSchools().find((s) => s.id === media.schoolId)?.key ?? foundationKey;
}

export function addOfficialChannel(lib: Library, ctx: RequestContext, channel: NewOfficialChannel): PublishingIdentityView {
  const identity = resolveIdentity(lib, channel.identity);
  resolveChannel(lib, channel.channel);
  const before = lib.repos.identities.get(identity.key, channel.channel) ?? null;
  lib.transaction(() => {
    lib.repos.identities.set({ ...channel, identity: identity.key }, ctx.actor);
    lib.repos.audit.append(ctx.actor, before ? 'official_channel.changed' : 'official_channel.added', `identity:${identity.key}`, {
      before,
      after: channel,
    });
  });
  lib.events.emit('library.changed', { what: 'org' });
  return identityView(lib, identity.key);
}

export function removeOfficialChannel(lib: Library, ctx: RequestContext, identityKey: string, channelKey: string): PublishingIdentityView {
  const identity = resolveIdentity(lib, identityKey);
  const before = lib.repos.identities.get(identity.key, channelKey);
  if (!before) throw new ClearFrameError('not_found', `${channelKey} is not an official channel of ${identity.name}.`);
  lib.transaction(() => {
    lib.repos.identities.remove(identity.key, channelKey);
    lib.repos.audit.append(ctx.actor, 'official_channel.removed', `identity:${identity.key}`, { before });
  });
  lib.events.emit('library.changed', { what: 'org' });
  return identityView(lib, identity.key);
}
