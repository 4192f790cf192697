import type { PublishingIdentity } from '../../../shared/domain/decision-input';
import type { Identity } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';

export const foundationKey = 'foundation';

/**
 * Who publishes: `foundation` or a school by its key (rule 2), with the official channels the admin
 * listed for it (rule 13). An identity with none listed yet has null, which the decision reads as "not
 * checked" rather than "no channel is official".
 */
export function resolveIdentity(lib: Library, key: string): PublishingIdentity {
  const name = key === foundationKey ? (lib.repos.settings.get('foundation_name') ?? 'Foundation') : lib.repos.schools.findSchool(key)?.name;
  if (name === undefined) {
    const known = [foundationKey, ...lib.repos.schools.listSchools().map((s) => s.key)].join(', ');
    throw new ClearFrameError('not_found', `There is no publishing identity "${key}"; use one of: ${known}.`);
  }
  const official = lib.repos.identities.ofIdentity(key).map((c) => c.channel);
  return { key, name, officialChannels: official.length > 0 ? official : null };
}

export function permissionIdentity(identity: PublishingIdentity): Identity {
  return identity.key === foundationKey ? { kind: 'foundation' } : { kind: 'school', key: identity.key };
}
