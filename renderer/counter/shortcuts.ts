// Counter shortcuts, read in the bubble phase: the scan capture (capture phase) has already consumed every
// key that belonged to a scan, so a scanner's Enter never reaches these.
import { useEffect } from 'react';
import { useCounterStore } from '../stores/counter-store';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useLeadStore } from '../stores/lead-store';

export const SHORTCUTS = {
  manual: 'F2',
  search: 'F3',
  lead: 'F4',
  undo: 'F6',
  refuse: 'F8',
  lock: 'Ctrl+L',
} as const;

const INTERACTIVE = 'button, a[href], input, select, textarea, summary, [role="button"]';

export function useCounterShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const ui = useUiStore.getState();
      const session = useSessionStore.getState();
      const counter = useCounterStore.getState();
      const isLead = session.session?.role === 'lead';
      const shown = counter.shown?.outcome ?? null;
      const handled = () => e.preventDefault(); // also keeps Enter's keypress from pressing a freshly focused button

      if (e.ctrlKey && !e.altKey && (e.key === 'l' || e.key === 'L')) {
        handled();
        void session.lock();
        return;
      }
      if (ui.dialog !== null) return; // dialogs own their keys (Esc closes them)
      // The lead's pages own the stage and its keys (Esc goes back to the counter); F4 still opens the menu.
      if (useLeadStore.getState().page !== null && e.key !== 'F4') return;
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      switch (e.key) {
        case 'F2':
          handled();
          return ui.openDialog({ kind: 'manual' });
        case 'F3':
          handled();
          return ui.openDialog({ kind: 'search' });
        case 'F4':
          if (!isLead) return;
          handled();
          return ui.openDialog({ kind: 'lead' });
        case 'F6':
          if (!isLead || shown?.kind !== 'already-handed-over') return;
          handled();
          return ui.openDialog({ kind: 'undo', card: shown.card, handover: shown.handover });
        case 'F8':
          if (shown?.kind !== 'ok') return;
          handled();
          return ui.openDialog({ kind: 'refuse', card: shown.card });
        case 'Escape':
          if (counter.shown === null) return;
          handled();
          return counter.dismiss();
        case 'Enter':
          // On a button, Enter presses that button; anywhere else it is 本人確認へ.
          if (shown?.kind !== 'ok' || (e.target instanceof Element && e.target.closest(INTERACTIVE))) return;
          handled();
          return ui.openDialog({ kind: 'id-check', card: shown.card });
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
