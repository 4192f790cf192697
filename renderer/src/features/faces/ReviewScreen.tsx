import { QueueOverview } from './QueueOverview';
import { SuggestedFaces } from './SuggestedFaces';
import { UnsuggestedFaces } from './UnsuggestedFaces';
import './faces.css';

/** Faces to review across the library: the groups, one suggested person's faces, or the faces without a suggestion. */
export function ReviewScreen({ group }: { group?: number | 'none' }) {
  if (group === 'none') return <UnsuggestedFaces />;
  if (group !== undefined) return <SuggestedFaces key={group} personId={group} />;
  return <QueueOverview />;
}
