import { useEffect, useState } from 'react';

export type ImportTab = 'media' | 'people' | 'consents';

export type Route =
  | { screen: 'library'; mediaId?: number }
  | { screen: 'people'; classId?: number; schoolId?: number }
  | { screen: 'import'; tab: ImportTab; batchId?: number }
  | { screen: 'audit' }
  /** The faces review queue; `group`: one suggested person's open faces, or 'none' for faces without a suggestion. */
  | { screen: 'faces'; group?: number | 'none' }
  | { screen: 'posts'; postId?: number }
  | { screen: 'review' }
  | { screen: 'lifecycle' }
  | { screen: 'channels' }
  | { screen: 'profiles' }
  /** The publication register (protocol rule 9), optionally with one publication open. */
  | { screen: 'publications'; publicationId?: number };

const positive = (s: string | undefined): number | undefined => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseRoute(hash: string): Route {
  const [screen, a, b, c] = hash.replace(/^#\/?/, '').split('/');
  if (screen === 'people') return a === 'school' ? { screen: 'people', schoolId: positive(b) } : { screen: 'people', classId: positive(a) };
  if (screen === 'import') {
    const tab: ImportTab = a === 'people' || a === 'consents' ? a : 'media';
    return { screen: 'import', tab, batchId: b === 'batch' ? positive(c) : undefined };
  }
  if (screen === 'audit') return { screen: 'audit' };
  if (screen === 'posts') return { screen: 'posts', postId: positive(a) };
  if (screen === 'publications') return { screen: 'publications', publicationId: positive(a) };
  if (screen === 'review' || screen === 'lifecycle' || screen === 'channels' || screen === 'profiles') return { screen };
  if (screen === 'faces') return { screen: 'faces', group: a === 'none' ? 'none' : a === 'person' ? positive(b) : undefined };
  return { screen: 'library', mediaId: screen === 'library' ? positive(a) : undefined };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'library':
      return route.mediaId ? `#/library/${route.mediaId}` : '#/library';
    case 'people':
      if (route.schoolId) return `#/people/school/${route.schoolId}`;
      return route.classId ? `#/people/${route.classId}` : '#/people';
    case 'import':
      return route.batchId ? `#/import/${route.tab}/batch/${route.batchId}` : `#/import/${route.tab}`;
    case 'audit':
      return '#/audit';
    case 'faces':
      if (route.group === 'none') return '#/faces/none';
      return route.group ? `#/faces/person/${route.group}` : '#/faces';
    case 'posts':
      return route.postId ? `#/posts/${route.postId}` : '#/posts';
    case 'publications':
      return route.publicationId ? `#/publications/${route.publicationId}` : '#/publications';
    case 'review':
    case 'lifecycle':
    case 'channels':
    case 'profiles':
      return `#/${route.screen}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** The screen is kept in the URL hash, so reloading the page or the window keeps the user where they were. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
