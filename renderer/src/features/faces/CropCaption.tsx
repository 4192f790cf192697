import { useTranslation } from 'react-i18next';
import type { FaceInfo } from '../../../../shared/contract/faces';
import { routeHref } from '../../app/router';
import { Icon } from '../../components/Icon';
import { formatFaceTime } from './face-states';

/** Under a close-up: which photo or video the face is in (and when, in a video), with a link to open it. */
export function CropCaption({ face, extra }: { face: FaceInfo; extra?: string }) {
  const { t } = useTranslation();
  const name = face.mediaName;
  const when = face.time !== null ? ` · ${formatFaceTime(face.time)}` : '';
  return (
    <span className="crop-meta">
      <span className="crop-caption">
        {extra && <span>{extra}</span>}
        <span className="crop-media" title={name}>
          {name}
          {when}
        </span>
      </span>
      <a href={routeHref({ screen: 'library', mediaId: face.mediaId })} aria-label={t('faces.openNamed', { name })} title={t('faces.openNamed', { name })}>
        <Icon name="image" size={15} />
      </a>
    </span>
  );
}
