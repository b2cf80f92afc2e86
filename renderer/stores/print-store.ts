// Printing from the window: main renders the document and holds it; the answer is a preview URL shown in the
// print preview, whose 印刷 button prints the frame through the OS print dialog.
import { create } from 'zustand';
import type { ChannelOutput, PrintRequest } from '../../shared/ipc/contract';
import { invoke } from './call';

type Printed = ChannelOutput<'print:document'>;

interface PrintState {
  busy: boolean;
  error: string | null;
  /** The last document printed, while its preview (or saved-to notice) is shown. */
  printed: Printed | null;
  print(request: PrintRequest): Promise<void>;
  dismiss(): void;
}

export const usePrintStore = create<PrintState>((set) => ({
  busy: false,
  error: null,
  printed: null,
  async print(request) {
    set({ busy: true, error: null, printed: null });
    const r = await invoke('print:document', request);
    set({ busy: false, error: r.ok ? null : r.error.message, printed: r.ok ? r.value : null });
  },
  dismiss: () => set({ printed: null, error: null }),
}));
