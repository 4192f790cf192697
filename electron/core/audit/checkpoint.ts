import { createPublicKey, sign, verify } from 'node:crypto';
import type { AuditCheckpoint } from '../../../shared/contract/audit';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { Library } from '../library';
import { keyFingerprint, knownLibraryId, knownPublicKey, libraryId, signingIdentity } from './library-identity';

const format = 'clearframe-audit-checkpoint';

function signedBytes(c: Pick<AuditCheckpoint, 'library' | 'seq' | 'hash' | 'at'>): Buffer {
  return Buffer.from(JSON.stringify([format, 1, c.library, c.seq, c.hash, c.at]), 'utf8');
}

/**
 * Records the checkpoint in the log and signs the head that this record makes, in one transaction:
 * the checkpoint covers its own entry, and a failed signature leaves no claim that one was taken.
 */
export function createCheckpoint(lib: Library, ctx: RequestContext): AuditCheckpoint {
  return lib.transaction(() => {
    const library = libraryId(lib.repos.settings);
    const { privateKey, publicKey } = signingIdentity(lib.repos.settings);
    const entry = lib.repos.audit.append(ctx.actor, 'audit.checkpoint', `library:${library}`, { key: keyFingerprint(publicKey) });
    const head = { library, seq: entry.seq, hash: entry.hash, at: entry.at };
    return { format, version: 1, ...head, public_key: publicKey, signature: sign(null, signedBytes(head), privateKey).toString('base64') };
  });
}

/**
 * Checks that a checkpoint file is genuine and belongs to this library, before the chain is held
 * against it. A file that fails here says nothing about the log, so it is an error, not a verdict.
 */
export function assertCheckpointOf(lib: Library, checkpoint: AuditCheckpoint): void {
  if (!signatureHolds(checkpoint)) {
    throw new ClearFrameError('conflict', 'The checkpoint file was altered after it was signed (its signature does not match); use an untouched copy.');
  }
  const library = knownLibraryId(lib.repos.settings);
  if (checkpoint.library !== library) {
    throw new ClearFrameError('conflict', `The checkpoint belongs to another library (${checkpoint.library}); verify it against the library it was taken from.`);
  }
  const publicKey = knownPublicKey(lib.repos.settings);
  if (publicKey !== checkpoint.public_key) {
    throw new ClearFrameError(
      'conflict',
      `The library's signing key (${publicKey ? keyFingerprint(publicKey) : 'none'}) is not the one that signed the checkpoint (${keyFingerprint(checkpoint.public_key)}): the key in the library was replaced.`,
    );
  }
}

function signatureHolds(c: AuditCheckpoint): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(c.public_key, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' && verify(null, signedBytes(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}
