import type { PublishingIdentity } from '../../../shared/domain/decision-input';
import type { Identity } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { Library } from '../library';

export const foundationKey = 'foundation';

/**
 * Who publishes: `foundation` or a school by its key (rule 2). Official channels are listed per identity
 * by the admin (rule 13, a later feature); until then they are null, which the decision reads as
 * "not checked".
 */
export function resolveIdentity(lib: Library, key: string): PublishingIdentity {
  if (key === foundationKey) return { key, name: lib.repos.settings.get('foundation_name') ?? 'Foundation', officialChannels: null };
  const school = lib.repos.schools.findSchool(key);
  if (!school) {
    const known = [foundationKey, ...lib.repos.schools.listSchools().map((s) => s.key)].join(', ');
    throw new ClearFrameError('not_found', `There is no publishing identity "${key}"; use one of: ${known}.`);
  }
  return { key, name: school.name, officialChannels: null };
}

export function permissionIdentity(identity: PublishingIdentity): Identity {
  return identity.key === foundationKey ? { kind: 'foundation' } : { kind: 'school', key: identity.key };
}
