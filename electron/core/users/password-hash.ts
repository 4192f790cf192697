import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt, memory-hard: N = 2^17, r = 8, p = 1 uses 128 MiB and about a third of a second per try on a school
 * laptop (OWASP's minimum for scrypt). The parameters are stored with each hash, so they can be raised later
 * without invalidating existing passwords.
 */
export const scryptParams = { N: 2 ** 17, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;
/** A stored hash may not ask for more than this: a tampered row must not make sign-in eat all memory. */
const maxN = 2 ** 20;

interface Params {
  N: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: Params): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** "scrypt$N$r$p$salt$key" with a fresh random salt: the same password never gives the same string twice. */
export async function hashPassword(password: string, params: Params = scryptParams): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): { params: Params; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const valid =
    scheme === 'scrypt' &&
    Number.isInteger(Math.log2(params.N)) &&
    params.N > 1 &&
    params.N <= maxN &&
    Number.isInteger(params.r) &&
    params.r >= 1 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16 &&
    salt !== undefined &&
    key !== undefined;
  return valid ? { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') } : null;
}

/** Compares in constant time, so how long a wrong guess takes says nothing about how close it was. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length !== keyLength) return false;
  const candidate = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}

const decoySalt = randomBytes(saltLength);

/** Spends the same time as a real check, so an unknown profile name answers no faster than a wrong password. */
export async function spendVerifyTime(password: string): Promise<void> {
  await derive(password, decoySalt, scryptParams);
}
