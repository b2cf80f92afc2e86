// A modal built on <dialog>.showModal(): the page behind becomes inert, focus stays inside, Esc cancels.
// The element marked data-autofocus gets the focus when it opens.
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalProps {
  readonly title: string;
  readonly onCancel: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  readonly testId?: string;
}

export function Modal({ title, onCancel, children, className, testId }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancelEvent = (e: Event) => {
      // Only the dialog's own Esc: a file input inside fires a bubbling 'cancel' when its picker is closed without
      // a new file (Chromium), which closed the whole lead menu with the import half-done.
      if (e.target !== d) return;
      e.preventDefault();
      cancel.current();
    };
    d.addEventListener('cancel', onCancelEvent);
    return () => {
      d.removeEventListener('cancel', onCancelEvent);
      if (d.open) d.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`modal ${className ?? ''}`} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
