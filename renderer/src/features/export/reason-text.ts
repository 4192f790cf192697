import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockReasonParams, FaceReasonParams } from '../../../../shared/domain/decision-reasons';
import type { ConsentGiver, IsoDate } from '../../../../shared/types';
import { formatDate } from '../../lib/format';

type Reason = BlockReasonParams | FaceReasonParams;

/** The params any reason may carry that are said differently per language; the rest (names, channels, notes) go in as they are. */
type SaidParams = { date?: IsoDate; until?: IsoDate; giver?: ConsentGiver; requiredGiver?: ConsentGiver; holder?: string | null; [name: string]: unknown };

/**
 * Says a reason in the UI's language from its code and values. The core's English `message` and `fix` are for the
 * CLI and the audit; the UI never shows them, so a Dutch screen never mixes in an English sentence.
 */
export function reasonTexts(t: TFunction, lng: string) {
  const percent = (share: number) => new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const giver = (who: ConsentGiver) => t(`exporting.giver.${who}`);
  const values = (p: SaidParams) => ({
    ...p,
    date: p.date && formatDate(lng, p.date),
    until: p.until && formatDate(lng, p.until),
    giver: p.giver && giver(p.giver),
    requiredGiver: p.requiredGiver && giver(p.requiredGiver),
    holder: p.holder === undefined ? undefined : (p.holder ?? t('exporting.someoneElse')),
  });

  function sentence(r: Reason): string {
    switch (r.code) {
      case 'face_too_large':
        return t('exporting.sentence.face_too_large', { cause: sentence(r.params.cause), share: percent(r.params.share), maxShare: percent(r.params.maxShare) });
      case 'suggested_not_confirmed':
        return r.params.person === null ? t('exporting.sentence.suggested_not_confirmed_nobody') : t('exporting.sentence.suggested_not_confirmed', values(r.params));
      case 'rights_third_party':
        return t(`exporting.sentence.rights_third_party_${r.params.permission}`, values(r.params));
      case 'audio_rights':
        return t(`exporting.sentence.audio_rights_${r.params.sound}`, values(r.params));
      default:
        return t(`exporting.sentence.${r.code}`, values(r.params));
    }
  }

  /** A face too large to blur is lifted the way the face reason behind it is. */
  function fix(r: Reason): string {
    return r.code === 'face_too_large' ? fix(r.params.cause) : t(`exporting.fix.${r.code}`, values(r.params));
  }

  return { title: (r: Reason) => t(`exporting.reason.${r.code}`), sentence, fix };
}

export function useReasonTexts(): ReturnType<typeof reasonTexts> {
  const { t, i18n } = useTranslation();
  return useMemo(() => reasonTexts(t, i18n.language), [t, i18n.language]);
}
