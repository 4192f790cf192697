import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../../renderer/src/app/router';
import { channelKeyFrom, schoolKeyFrom } from '../../renderer/src/features/people/keys';
import { commands } from '../../shared/contract';

describe('renderer routes', () => {
  const routes: Route[] = [
    { screen: 'library' },
    { screen: 'library', mediaId: 42 },
    { screen: 'people' },
    { screen: 'people', classId: 7 },
    { screen: 'people', schoolId: 3 },
    { screen: 'import', tab: 'media' },
    { screen: 'import', tab: 'media', batchId: 12 },
    { screen: 'import', tab: 'people' },
    { screen: 'import', tab: 'consents' },
    { screen: 'profiles' },
  ];

  it.each(routes)('reads back what it writes: %j', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('falls back to the library for unknown or damaged addresses', () => {
    expect(parseRoute('')).toEqual({ screen: 'library' });
    expect(parseRoute('#/nowhere/9')).toEqual({ screen: 'library' });
    expect(parseRoute('#/library/-3')).toEqual({ screen: 'library' });
    expect(parseRoute('#/import/bogus')).toEqual({ screen: 'import', tab: 'media' });
  });
});

describe('suggested keys', () => {
  it('turns school and channel names into readable keys', () => {
    expect(schoolKeyFrom('Het Baken, Almere')).toBe('het-baken-almere');
    expect(schoolKeyFrom('  Sint-Jozef École ')).toBe('sint-jozef-ecole');
    expect(channelKeyFrom('TikTok (school)')).toBe('tiktok_school');
    expect(channelKeyFrom('2e Nieuwsbrief')).toBe('e_nieuwsbrief');
  });

  it('only ever suggests a key the contract accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const school = schoolKeyFrom(name);
        if (school !== '') expect(commands['schools.create'].input.safeParse({ key: school, name: 'x' }).success).toBe(true);
        const channel = channelKeyFrom(name);
        if (channel !== '') expect(commands['channels.create'].input.safeParse({ key: channel, name: 'x', kind: 'social' }).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
