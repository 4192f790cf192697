import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceInfo } from '../../../../shared/contract/faces';
import { routeHref } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useFormat } from '../../lib/format';
import { useCommand } from '../../lib/query';
import { CropCaption } from './CropCaption';
import { FaceCrop } from './FaceCrop';
import { FaceGroupStatus } from './FaceGroupStatus';
import { faceKeyAction } from './face-keys';
import { TagDialog } from './TagDialog';
import { useDecide } from './useDecide';
import { useMay } from './useMay';
import { KeyHelp } from './KeyHelp';

/** How many crops sit in one row of the grid, read from the page so the arrow keys follow what the eye sees. */
function columnsOf(list: HTMLElement | null): number {
  const items = list ? [...list.children] as HTMLElement[] : [];
  const top = items[0]?.offsetTop;
  return Math.max(1, items.filter((el) => el.offsetTop === top).length);
}

/** Open faces nobody is suggested for, as a grid of close-ups to tag one by one with the keyboard. */
export function UnsuggestedFaces() {
  const { t } = useTranslation();
  const format = useFormat();
  const canTag = useMay('tag');
  const faces = useCommand('faces.list', { unsuggested: true, offset: 0, limit: 5000 });
  const list = faces.data ?? [];
  const grid = useRef<HTMLUListElement>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const [active, setActive] = useState<number | null>(null);
  const [picker, setPicker] = useState<{ face: FaceInfo; anchor: HTMLElement; text: string } | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const decide = useDecide(faces.refetch);
  const tabStop = list.some((f) => f.id === active) ? active : (list[0]?.id ?? null);

  // After a decision the face leaves the grid: focus goes to the face that followed it once the list is fresh.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = buttons.current.get(id);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const after = (face: FaceInfo): FaceInfo | undefined => {
    const i = list.findIndex((f) => f.id === face.id);
    return list[i + 1] ?? list[i - 1];
  };
  const moveOn = (face: FaceInfo) => {
    const next = after(face);
    pendingFocus.current = next?.id ?? null;
    if (next) setActive(next.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, face: FaceInfo, index: number) => {
    const columns = columnsOf(grid.current);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      const target = list[Math.max(0, Math.min(list.length - 1, index + move))];
      if (target) buttons.current.get(target.id)?.focus();
      return;
    }
    const action = faceKeyAction(e);
    if (!action || !canTag) return;
    e.preventDefault();
    if (action.kind === 'next') {
      const next = list[index + 1] ?? list[0];
      if (next) buttons.current.get(next.id)?.focus();
    } else if (action.kind === 'verdict') {
      if (action.verdict === 'unreviewed') return;
      void decide.run([face.id], { verdict: action.verdict }).then((ok) => ok && moveOn(face));
    } else setPicker({ face, anchor: e.currentTarget, text: action.text });
  };

  return (
    <div className="review-screen">
      <a className="back-link" href={routeHref({ screen: 'faces' })}>
        <Icon name="chevronLeft" size={16} />
        {t('faces.queue.back')}
      </a>
      <div className="screen-header">
        <h1>{t('faces.queue.noSuggestion')}</h1>
        {faces.data && <p className="screen-count">{t('faces.faceCount', { count: list.length, formatted: format.number(list.length) })}</p>}
      </div>
      <p className="muted review-lead">{t('faces.unsuggested.lead')}</p>
      {canTag && (
        <KeyHelp
          keys={[
            ['←↑→↓', 'faces.keys.move'],
            ['A–Z', 'faces.keys.search'],
            ['Enter', 'faces.keys.confirm'],
            ['I', 'faces.keys.notIdentifiable'],
            ['X', 'faces.keys.notAFace'],
          ]}
        />
      )}
      {decide.error && !picker && <ErrorMessage error={decide.error} />}
      <FaceGroupStatus faces={faces} left={list.length} />
      {list.length > 0 && (
        <ul className="crop-grid" ref={grid} aria-label={t('faces.queue.noSuggestion')}>
          {list.map((face, i) => (
            <li key={face.id} className="crop-card">
              <button
                type="button"
                className="crop-button"
                ref={(el) => {
                  if (el) buttons.current.set(face.id, el);
                  else buttons.current.delete(face.id);
                }}
                tabIndex={tabStop === face.id ? 0 : -1}
                aria-label={t('faces.unsuggested.faceLabel', { index: i + 1, total: list.length })}
                onFocus={() => setActive(face.id)}
                onClick={(e) => canTag && setPicker({ face, anchor: e.currentTarget, text: '' })}
                onKeyDown={(e) => onKeyDown(e, face, i)}
              >
                <FaceCrop face={face} />
              </button>
              <CropCaption face={face} />
            </li>
          ))}
        </ul>
      )}
      {picker && (
        <TagDialog
          key={picker.face.id}
          face={picker.face}
          anchor={picker.anchor}
          initialText={picker.text}
          decide={decide}
          onClose={(decided) => {
            const face = picker.face;
            setPicker(null);
            if (decided) moveOn(face);
          }}
        />
      )}
    </div>
  );
}
