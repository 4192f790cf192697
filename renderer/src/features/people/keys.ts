/** The short keys CSV files and the command line use, suggested from the names a user types. */

/** "Het Baken, Almere" → "het-baken-almere": the short code CSV files use for a school. */
export function schoolKeyFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** "TikTok (school)" → "tiktok_school": the key CSV files and the command line use. */
export function channelKeyFrom(name: string): string {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return key.slice(0, 32);
}
