import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

interface DialogProps {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Extra class, e.g. "dialog-detail". */
  className?: string;
  /** Opens as a popover next to this element instead of in the middle of the window (the consent cell editor). */
  anchor?: HTMLElement | null;
}

const margin = 8;

/** Below the anchor when it fits, else above it, else as low as the window allows; never off screen. */
function placeNear(dialog: HTMLDialogElement, anchor: HTMLElement): void {
  const a = anchor.getBoundingClientRect();
  const { width, height } = dialog.getBoundingClientRect();
  const left = Math.max(margin, Math.min(a.left, window.innerWidth - width - margin));
  const below = a.bottom + 6;
  const above = a.top - 6 - height;
  const top = below + height <= window.innerHeight - margin ? below : above >= margin ? above : Math.max(margin, window.innerHeight - height - margin);
  dialog.style.left = `${left}px`;
  dialog.style.top = `${top}px`;
}

/**
 * A modal built on the native <dialog>: the rest of the page is inert, Escape closes it, and focus
 * returns to the element that opened it. Focus starts on the element marked `data-autofocus`.
 */
export function Dialog({ title, onClose, children, className, anchor }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    // A popover grows when an error or hint appears: keep it in the window.
    const resized = anchor ? new ResizeObserver(() => placeNear(dialog, anchor)) : null;
    resized?.observe(dialog);
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      resized?.disconnect();
      dialog.close();
      opener?.focus();
    };
  }, [anchor]);

  const classes = ['dialog', anchor ? 'popover' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // React passes a nested dialog's cancel up its tree: Escape closes only the dialog on top.
        if (e.target !== ref.current) return;
        e.preventDefault();
        close.current();
      }}
      onMouseDown={(e) => {
        if (e.target === ref.current) close.current();
      }}
    >
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={() => close.current()} aria-label={t('common.close')}>
            <Icon name="x" />
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
