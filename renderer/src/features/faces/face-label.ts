import type { TFunction } from 'i18next';
import type { FaceInfo } from '../../../../shared/contract/faces';
import type { Person } from '../../../../shared/types';
import { personName } from '../people/person-labels';
import { formatDistance } from './face-states';

/** The words on a face's label: who it is, who it may be (with the distance), or the reviewer's verdict. */
export function faceLabel(face: FaceInfo, people: Map<number, Person>, t: TFunction, language: string): string {
  const name = (id: number | null) => {
    const p = id === null ? undefined : people.get(id);
    return p ? personName(p) : t('faces.unknownPerson');
  };
  switch (face.state) {
    case 'person':
      return name(face.personId);
    case 'suggested':
      return t('faces.label.suggested', { name: name(face.suggestedPersonId), distance: formatDistance(face.suggestionDistance, language) });
    default:
      return t(`faces.state.${face.state}`);
  }
}
