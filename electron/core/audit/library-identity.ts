import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { SettingsRepository } from '../db/repositories/settings-repository';

const idKey = 'library_id';
const signingKey = 'audit_signing_key';

/** The id that ties checkpoints and backups to the library they came from; made on first use. */
export function libraryId(settings: SettingsRepository): string {
  const existing = settings.get(idKey);
  if (existing) return existing;
  const id = randomUUID();
  settings.set(idKey, id);
  return id;
}

/** The library's id when it has one, without making one (e.g. in a backup being checked). */
export const knownLibraryId = (settings: SettingsRepository): string | undefined => settings.get(idKey);

export interface SigningIdentity {
  privateKey: KeyObject;
  /** The public key as base64 SPKI DER: what a checkpoint file carries. */
  publicKey: string;
}

/**
 * The Ed25519 key that signs checkpoints, kept in the library (and so in its backups). A checkpoint
 * signed with it can be checked by anyone holding the file; its worth is that the file lives outside
 * the library, where whoever can edit the database cannot reach it.
 */
export function signingIdentity(settings: SettingsRepository): SigningIdentity {
  const stored = settings.get(signingKey);
  const privateKey = stored ? createPrivateKey(stored) : generateKeyPairSync('ed25519').privateKey;
  if (!stored) settings.set(signingKey, privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  return { privateKey, publicKey: publicKeyOf(privateKey) };
}

/** The public key of the library's signing key, or undefined when it never signed anything. */
export function knownPublicKey(settings: SettingsRepository): string | undefined {
  const stored = settings.get(signingKey);
  return stored ? publicKeyOf(createPrivateKey(stored)) : undefined;
}

function publicKeyOf(privateKey: KeyObject): string {
  return (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
}

/** A short fingerprint to name the key in audit entries and messages. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}
