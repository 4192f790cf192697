import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaDetail } from '../../../../shared/contract/media';
import { Icon } from '../../components/Icon';
import { formatDuration, useFormat } from '../../lib/format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Technical fields (video container and codec) that say nothing about rights or people. */
const technical = new Set(['container', 'videoCodec']);

const plain = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** One embedded field as a line of text, or null when the file leaves it empty. Face regions are counted and named. */
function embeddedText(key: string, value: unknown, t: TFunction): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (!Array.isArray(value)) return plain(value);
  if (value.length === 0) return null;
  if (key !== 'regions') return value.map(plain).join(', ');
  const names = value.map((r: { name?: unknown }) => r?.name).filter((n): n is string => typeof n === 'string' && n !== '');
  return `${t('detail.regions', { count: value.length })}${names.length > 0 ? `: ${names.join(', ')}` : ''}`;
}

/** What the file itself says: when and with what it was taken, its size, location data and embedded rights. */
export function MediaMetadata({ media }: { media: MediaDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const camera = [media.cameraMake, media.cameraModel].filter(Boolean).join(' ');
  const embedded = Object.entries(media.embedded)
    .filter(([key]) => !technical.has(key))
    .map(([key, value]) => [key, embeddedText(key, value, t)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== null);
  return (
    <section className="detail-section" aria-labelledby="about-file">
      <h3 id="about-file">{t('detail.aboutFile')}</h3>
      {media.hasGps && (
        <p className="notice notice-info">
          <Icon name="pin" />
          <span>{t('detail.gps')}</span>
        </p>
      )}
      {media.warnings.length > 0 && (
        <div className="notice notice-warning">
          <Icon name="alert" />
          <div>
            <strong>{t('detail.warnings')}</strong>
            <ul>
              {media.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <dl className="meta-list">
        <Row label={t('detail.capturedAt')}>{media.capturedAt ? format.dateTime(media.capturedAt) : t('detail.unknown')}</Row>
        <Row label={t('detail.camera')}>{camera || t('detail.unknown')}</Row>
        <Row label={t('detail.dimensions')}>
          {media.width && media.height ? t('detail.pixels', { width: media.width, height: media.height }) : t('detail.unknown')}
        </Row>
        {media.kind === 'video' && (
          <>
            <Row label={t('detail.duration')}>{media.durationS !== null ? formatDuration(media.durationS) : t('detail.unknown')}</Row>
            <Row label={t('detail.audio')}>
              {media.hasAudio === null ? t('detail.unknown') : media.hasAudio ? t('detail.audioYes') : t('detail.audioNo')}
            </Row>
          </>
        )}
        <Row label={t('detail.file')}>
          {media.ext.toUpperCase()} · {format.bytes(media.byteSize)}
        </Row>
        <Row label={t('detail.importedAt')}>{format.dateTime(media.importedAt)}</Row>
        <Row label={t('detail.location')}>{media.hasGps ? t('detail.locationYes') : t('detail.locationNo')}</Row>
      </dl>
      {embedded.length > 0 && (
        <>
          <h4>{t('detail.embedded')}</h4>
          <dl className="meta-list">
            {embedded.map(([key, text]) => (
              <Row key={key} label={t(`detail.embeddedFields.${key}`, { defaultValue: key })}>
                {text}
              </Row>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
