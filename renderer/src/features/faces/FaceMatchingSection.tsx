import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceInfo, FaceReferenceInfo } from '../../../../shared/contract/faces';
import type { AppError } from '../../../../shared/result';
import type { Person } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { bridge, invoke } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { useAction, useCommand } from '../../lib/query';
import { personName } from '../people/person-labels';
import { FaceCrop } from './FaceCrop';
import { useMay } from './useMay';
import './faces.css';

function Reference({ reference, face, canTag, onRemove }: { reference: FaceReferenceInfo; face?: FaceInfo; canTag: boolean; onRemove: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className="reference">
      {face ? (
        <FaceCrop face={face} className="reference-crop" />
      ) : (
        <span className="reference-crop reference-file">
          <Icon name={reference.faceId === null ? 'file' : 'user'} size={22} />
        </span>
      )}
      <span className="reference-text">
        <span>{reference.imageName ?? t('faces.matching.fromTagged')}</span>
        <span className="muted small">{t('faces.matching.takenOn', { date: format.date(reference.takenAt) })}</span>
        {reference.needsRefresh && (
          <span className="face-chip face-chip-unreviewed reference-stale">
            <Icon name="clock" size={13} />
            {t('faces.matching.needsRefresh')}
          </span>
        )}
      </span>
      {canTag && (
        <button type="button" className="icon-button" aria-label={t('faces.matching.remove')} title={t('faces.matching.remove')} onClick={onRemove}>
          <Icon name="x" size={16} />
        </button>
      )}
    </li>
  );
}

/**
 * The separate "face matching" permission, off unless recorded: with it, ClearFrame keeps a description of this
 * person's face (only in this library) to suggest them in photos. Withdrawing it deletes those descriptions.
 */
export function FaceMatchingSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = String(person.id);
  const status = useCommand('people.faceMatching', { person: ref });
  const tagged = useCommand('faces.list', { person: ref, states: ['person'], offset: 0, limit: 200 });
  const setMatching = useAction('people.setFaceMatching');
  const suggest = useAction('faces.suggest');
  const canConsent = useMay('consent');
  const canTag = useMay('tag');
  const [confirmOff, setConfirmOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const name = personName(person);
  const data = status.data?.personId === person.id ? status.data : undefined;
  const usedFaces = new Set(data?.references.map((r) => r.faceId));
  const facesById = new Map((tagged.data ?? []).map((f) => [f.id, f]));
  const candidates = (tagged.data ?? []).filter((f) => !usedFaces.has(f.id)).slice(0, 12);

  const change = async (allowed: boolean) => {
    setConfirmOff(false);
    if (await setMatching.run({ person: ref, allowed })) status.refetch();
  };

  const withBusy = async (work: () => Promise<{ ok: true } | { ok: false; error: AppError }>) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) setError(result.error);
    status.refetch();
  };
  const addFromFace = (faceId: number) => void withBusy(() => invoke('people.addReference', { person: ref, face: faceId }));
  const addFromFile = (picked: File) =>
    void withBusy(async () => {
      const staged = await bridge.stageFiles([picked]);
      if (!staged.ok) return staged;
      return invoke('people.addReference', { person: ref, image: staged.value[0]! });
    });
  const remove = (id: number) => void withBusy(() => invoke('people.removeReference', { reference: id }));

  return (
    <section
      className="face-matching"
      aria-labelledby={`matching-${person.id}`}
      onKeyDown={(e) => {
        // Escape closes the question, not the person's panel behind it.
        if (e.key === 'Escape' && confirmOff) e.stopPropagation();
      }}
    >
      <h3 id={`matching-${person.id}`}>{t('faces.matching.title')}</h3>
      <p className="muted small">{t('faces.matching.explain')}</p>
      {status.error && <ErrorMessage error={status.error} onRetry={status.refetch} />}
      {data && (
        <>
          <label className="check switch">
            <input
              type="checkbox"
              role="switch"
              checked={data.allowed}
              disabled={!canConsent || setMatching.busy}
              onChange={(e) => (e.target.checked ? void change(true) : setConfirmOff(true))}
            />
            <span>{t('faces.matching.allowed', { name })}</span>
          </label>
          {data.allowed && data.grantedAt && (
            <p className="muted small">{t('faces.matching.grantedBy', { date: format.dateTime(data.grantedAt), who: data.grantedBy ?? '—' })}</p>
          )}
          {setMatching.error && <ErrorMessage error={setMatching.error} />}
          {data.allowed && (
            <>
              <h4>{t('faces.matching.references')}</h4>
              {data.references.length === 0 ? (
                <p className="muted small">{t('faces.matching.noReferences')}</p>
              ) : (
                <ul className="reference-list">
                  {data.references.map((r) => (
                    <Reference key={r.id} reference={r} face={r.faceId === null ? undefined : facesById.get(r.faceId)} canTag={canTag} onRemove={() => remove(r.id)} />
                  ))}
                </ul>
              )}
              {canTag && (
                <div className="reference-add">
                  <h4>{t('faces.matching.addTitle')}</h4>
                  {candidates.length > 0 ? (
                    <ul className="reference-candidates" aria-label={t('faces.matching.fromTaggedList')}>
                      {candidates.map((f) => (
                        <li key={f.id}>
                          <button type="button" className="candidate" disabled={busy} aria-label={t('faces.matching.useFace')} title={t('faces.matching.useFace')} onClick={() => addFromFace(f.id)}>
                            <FaceCrop face={f} />
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted small">{t(tagged.data?.length ? 'faces.matching.allUsed' : 'faces.matching.noTagged', { name })}</p>
                  )}
                  <div className="button-row">
                    <button type="button" className="button button-small" disabled={busy} onClick={() => file.current?.click()}>
                      <Icon name="upload" size={16} />
                      {t('faces.matching.fromFile')}
                    </button>
                    {data.references.length > 0 && (
                      <button type="button" className="button button-small" disabled={suggest.busy} onClick={() => void suggest.run({})}>
                        <Icon name="sparkle" size={16} />
                        {t('faces.queue.suggest')}
                      </button>
                    )}
                    {busy && <span className="spinner" aria-label={t('common.loading')} />}
                  </div>
                  <input
                    ref={file}
                    type="file"
                    accept="image/*"
                    hidden
                    onChange={(e) => {
                      const picked = e.target.files?.[0];
                      e.target.value = '';
                      if (picked) addFromFile(picked);
                    }}
                  />
                </div>
              )}
              {error && <ErrorMessage error={error} />}
              {suggest.error && <ErrorMessage error={suggest.error} />}
            </>
          )}
        </>
      )}
      {confirmOff && data && (
        <Dialog title={t('faces.matching.offTitle', { name })} onClose={() => setConfirmOff(false)}>
          <p>{t('faces.matching.offText', { count: data.references.length, name })}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void change(false)}>
              {t('faces.matching.offConfirm')}
            </button>
            <button type="button" className="button" data-autofocus onClick={() => setConfirmOff(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
