import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceAssignment, FaceInfo } from '../../../../shared/contract/faces';
import type { Person } from '../../../../shared/types';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Icon } from '../../components/Icon';
import { useCommand } from '../../lib/query';
import { personName } from '../people/person-labels';
import { formatDistance } from './face-states';
import { searchPeople } from './people-search';
import type { useDecide } from './useDecide';
import { usePeople } from './usePeople';

interface TagDialogProps {
  face: FaceInfo;
  anchor: HTMLElement;
  /** What the reviewer already typed on the face before the search opened. */
  initialText: string;
  decide: ReturnType<typeof useDecide>;
  /** The face got a decision (true) or the search was closed without one (false). */
  onClose: (decided: boolean) => void;
}

/**
 * "Who is this?": a search over people, the media's classes first, as a combobox. Arrow keys move, Enter
 * confirms the highlighted person, Escape closes; buttons give the other verdicts.
 */
export function TagDialog({ face, anchor, initialText, decide, onClose }: TagDialogProps) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const org = useCommand('org.get', {});
  const media = useCommand('media.get', { media: String(face.mediaId) });
  const [text, setText] = useState(initialText);
  const [active, setActive] = useState(0);
  const listId = useId();

  const likely = useMemo(
    () => ({ suggestedId: face.suggestedPersonId, classIds: media.data?.classIds ?? [], schoolId: media.data?.schoolId ?? null }),
    [face.suggestedPersonId, media.data],
  );
  const found = useMemo(() => searchPeople(people.list, text, likely), [people.list, text, likely]);
  const activeIndex = Math.min(active, Math.max(0, found.length - 1));
  const className = (p: Person) => org.data?.classes.find((c) => c.id === p.classId)?.name;

  const choose = async (to: FaceAssignment) => {
    if (await decide.run([face.id], to)) onClose(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + found.length) % Math.max(1, found.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const person = found[activeIndex];
      if (person && !decide.busy) void choose({ verdict: 'person', person: String(person.id) });
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <Dialog title={t('faces.tag.title')} anchor={anchor} onClose={() => onClose(false)} className="tag-dialog">
      <input
        type="text"
        role="combobox"
        aria-label={t('faces.tag.search')}
        aria-expanded={found.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={found.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={t('faces.tag.placeholder')}
        value={text}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('faces.tag.results')} className="tag-results">
        {found.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={i === activeIndex ? 'tag-option tag-option-active' : 'tag-option'}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== activeIndex && setActive(i)}
            onClick={() => void choose({ verdict: 'person', person: String(p.id) })}
          >
            <span className="tag-option-name">{personName(p)}</span>
            <span className="tag-option-meta">
              {p.id === face.suggestedPersonId
                ? t('faces.tag.suggested', { distance: formatDistance(face.suggestionDistance, i18n.language) })
                : (className(p) ?? t(`people.role.${p.role}`))}
            </span>
          </li>
        ))}
      </ul>
      {found.length === 0 && <p className="muted small tag-none">{text ? t('faces.tag.noMatch') : t('faces.tag.typeToSearch')}</p>}
      <div className="tag-verdicts">
        <button type="button" className="button button-small" disabled={decide.busy} onClick={() => void choose({ verdict: 'not_identifiable' })}>
          <Icon name="eyeOff" size={16} />
          {t('faces.verdict.not_identifiable')} <kbd>I</kbd>
        </button>
        <button type="button" className="button button-small" disabled={decide.busy} onClick={() => void choose({ verdict: 'not_a_face' })}>
          <Icon name="x" size={16} />
          {t('faces.verdict.not_a_face')} <kbd>X</kbd>
        </button>
        {face.state !== 'unreviewed' && (
          <button type="button" className="button button-small" disabled={decide.busy} onClick={() => void choose({ verdict: 'unreviewed' })}>
            <Icon name="undo" size={16} />
            {t('faces.verdict.unreviewed')} <kbd>U</kbd>
          </button>
        )}
      </div>
      {decide.error && <ErrorMessage error={decide.error} />}
    </Dialog>
  );
}
