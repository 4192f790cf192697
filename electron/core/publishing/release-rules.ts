import { identityRefusal, mayRelease, type Identity, type Profile } from '../../../shared/domain/permissions';

/**
 * Why this profile may not release a post of `author` for `identity`, or null when it may. Rule 2: only the
 * identity's management (a school) or board (the foundation); four eyes: never the author, except the sole user
 * of a library without passwords, where there is nobody else.
 */
export function releaseRefusal(profile: Profile, identity: Identity, author: string, postId: number): string | null {
  if (!mayRelease(profile, identity)) return identityRefusal(profile, 'release', identity);
  if (profile.name === author && profile.soleUser !== true) return `${profile.name} prepared post ${postId}, so someone else must release it: a post needs four eyes.`;
  return null;
}
