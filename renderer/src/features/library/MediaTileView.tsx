import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MediaTile } from '../../../../shared/contract/media';
import { Icon } from '../../components/Icon';
import { faceSummaryText, MediaFaceBadge } from '../faces/MediaFaceBadge';
import { mediaUrl } from '../../lib/api';
import { formatDuration } from '../../lib/format';

export function MediaTileView({ tile }: { tile: MediaTile | undefined }) {
  const { t } = useTranslation();
  if (!tile) return <div className="tile-image tile-placeholder" aria-hidden="true" />;
  return (
    <>
      <div className="tile-image">
        <Icon name={tile.kind === 'video' ? 'play' : 'image'} size={32} />
        {tile.hasThumbnail && (
          // A thumbnail that fails to load uncovers the icon underneath instead of a broken-image sign.
          <img
            key={tile.id}
            src={mediaUrl('thumb', tile.id)}
            alt=""
            loading="lazy"
            decoding="async"
            draggable={false}
            onError={(e) => e.currentTarget.classList.add('img-missing')}
          />
        )}
        {tile.kind === 'video' && (
          <span className="tile-badge tile-badge-video">
            <Icon name="play" size={12} />
            {tile.durationS !== null ? formatDuration(tile.durationS) : t('library.video')}
          </span>
        )}
        {tile.hasWarnings && (
          <span className="tile-badge tile-badge-warning" title={t('library.hasProblems')}>
            <Icon name="alert" size={14} />
          </span>
        )}
        <span className="tile-faces">
          <MediaFaceBadge summary={tile.faces} compact />
        </span>
      </div>
      <span className="tile-name">{tile.name}</span>
    </>
  );
}

/** What a screen reader says for a tile: its name, kind, faces and any problem. */
export function tileLabel(tile: MediaTile, t: TFunction): string {
  const parts = [tile.name, t(`library.kind.${tile.kind}`)];
  if (tile.durationS !== null) parts.push(formatDuration(tile.durationS));
  parts.push(faceSummaryText(tile.faces, t));
  if (tile.hasWarnings) parts.push(t('library.hasProblems'));
  return parts.join(', ');
}
