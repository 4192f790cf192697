import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentEvaluation } from '../../../../shared/domain/consent';
import { endOfSchoolYear, todayIso } from '../../../../shared/domain/dates';
import { consentStatuses, type Channel, type ConsentGiver, type ConsentStatus, type Person } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useAction } from '../../lib/query';
import { personName } from '../people/person-labels';
import { channelName, stateIcons } from './consent-states';
import { ConsentStateView } from './ConsentStateView';

interface PopoverProps {
  person: Person;
  channel: Channel;
  cell: ConsentEvaluation;
  /** The element the popover opens from; it is placed next to it. */
  anchor: HTMLElement;
  onClose: () => void;
}

/**
 * Records a new answer for one person and one channel. It never edits the old record: saving appends one,
 * so the history keeps every answer.
 */
export function ConsentPopover({ person, channel, cell, anchor, onClose }: PopoverProps) {
  const { t } = useTranslation();
  const save = useAction('consent.set');
  const [status, setStatus] = useState<ConsentStatus | null>(null);
  const [givenBy, setGivenBy] = useState<ConsentGiver>(cell.requiredGiver);
  const [givenOn, setGivenOn] = useState(todayIso());
  const [validUntil, setValidUntil] = useState('');
  const [note, setNote] = useState('');

  const choose = (next: ConsentStatus) => {
    setStatus(next);
    if (next === 'granted' && validUntil === '') setValidUntil(endOfSchoolYear(givenOn || todayIso()));
  };
  const givers: ConsentGiver[] = person.role === 'staff' ? ['self'] : ['guardian', 'pupil'];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!status) return;
    const stored = await save.run({
      person: String(person.id),
      channel: channel.key,
      status,
      givenBy,
      givenOn,
      validUntil: validUntil === '' ? null : validUntil,
      note: note.trim() === '' ? null : note.trim(),
    });
    if (stored) onClose();
  };

  return (
    <Dialog
      title={t('consent.popoverTitle', { person: personName(person), channel: channelName(t, channel) })}
      onClose={onClose}
      anchor={anchor}
    >
      <form className="consent-form" onSubmit={(e) => void submit(e)}>
        <p className="consent-now">
          <span>{t('consent.now')}</span> <ConsentStateView cell={cell} />
        </p>
        <fieldset className="status-choice">
          <legend>{t('consent.newAnswer')}</legend>
          {consentStatuses.map((s, i) => (
            <label key={s} className={`status-option status-option-${s}`}>
              <input type="radio" name="status" value={s} checked={status === s} onChange={() => choose(s)} data-autofocus={i === 0 ? true : undefined} />
              <Icon name={stateIcons[s]} size={15} />
              {t(`consent.status.${s}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          <Field label={t('consent.givenByLabel')} hint={t('consent.mustAnswer', { giver: t(`consent.givenBy.${cell.requiredGiver}`) })}>
            <select value={givenBy} onChange={(e) => setGivenBy(e.target.value as ConsentGiver)} disabled={givers.length === 1}>
              {givers.map((g) => (
                <option key={g} value={g}>
                  {t(`consent.givenBy.${g}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('consent.givenOn')}>
            <input type="date" required value={givenOn} max={todayIso()} onChange={(e) => setGivenOn(e.target.value)} />
          </Field>
        </div>
        <Field label={t('consent.validUntil')} hint={status === 'granted' ? t('consent.validUntilHint') : t('consent.validUntilOptional')}>
          <input type="date" value={validUntil} min={givenOn} onChange={(e) => setValidUntil(e.target.value)} />
        </Field>
        <Field label={t('consent.note')}>
          <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <DialogFormFooter submitLabel={t('consent.save')} busy={save.busy} error={save.error} disabled={!status} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
