import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceInfo } from '../../../../shared/contract/faces';
import type { FaceBox } from '../../../../shared/types';
import { Icon } from '../../components/Icon';
import { boxStyle } from './crop';
import { faceKeyAction } from './face-keys';
import { faceStateIcon } from './face-states';
import { labelAtEnd } from './label-room';

interface FaceBoxProps {
  face: FaceInfo;
  /** Where the box is now (a video face moves). */
  box: FaceBox;
  label: string;
  /** The widest the label may be without covering the next face (pixels). */
  labelWidth: number;
  position: { index: number; total: number };
  selected: boolean;
  canTag: boolean;
  register: (id: number, el: HTMLElement | null) => void;
  onSelect: () => void;
  onOpen: (anchor: HTMLElement, text?: string) => void;
  onNext: () => void;
  onVerdict: (verdict: 'not_identifiable' | 'not_a_face' | 'unreviewed') => void;
  onEscape: () => void;
}

/** One face on the picture: a button in the state's colour, with an icon and words on its label. */
export function FaceBoxView({ face, box, label, labelWidth, position, selected, canTag, register, onSelect, onOpen, onNext, onVerdict, onEscape }: FaceBoxProps) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Escape') {
      // One step back at a time: the first Escape leaves the face, the next closes the media view.
      e.preventDefault();
      e.stopPropagation();
      onEscape();
      return;
    }
    const action = faceKeyAction(e);
    if (!action || (!canTag && action.kind !== 'next')) return;
    e.preventDefault();
    e.stopPropagation();
    if (action.kind === 'next') onNext();
    else if (action.kind === 'verdict') onVerdict(action.verdict);
    else onOpen(e.currentTarget, action.text);
  };
  // Labels stay on the picture: below a face at the top edge, ending at the box for a face at the right edge.
  const labelClass = ['face-label', box.y < 0.08 ? 'face-label-below' : '', labelAtEnd(box) ? 'face-label-end' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      ref={(el) => register(face.id, el)}
      className={`face-box face-${face.state}${selected ? ' face-selected' : ''}`}
      style={boxStyle(box)}
      aria-label={t('faces.boxLabel', { index: position.index, total: position.total, label })}
      data-face={face.id}
      onFocus={onSelect}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => (canTag ? onOpen(e.currentTarget) : onSelect())}
      onKeyDown={onKeyDown}
    >
      <span className={labelClass} style={{ maxWidth: Math.max(labelWidth - 6, 40) }} aria-hidden="true">
        <Icon name={faceStateIcon[face.state]} size={13} />
        <span className="face-label-text">{label}</span>
      </span>
    </button>
  );
}
