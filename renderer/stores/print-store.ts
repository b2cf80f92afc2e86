// Printing from the window: main renders the document and holds it; the answer is a preview URL shown in the
// print preview, whose 印刷 button prints the frame through the OS print dialog. Where the platform saves PDFs
// itself (the installed app), PDFで保存 asks main for the same document as a PDF, recorded with where it went.
import { create } from 'zustand';
import type { ChannelOutput, PrintRequest } from '../../shared/ipc/contract';
import { invoke } from './call';

type Printed = ChannelOutput<'print:document'>;

interface PrintState {
  busy: boolean;
  error: string | null;
  /** The last document printed, while its preview (or saved-to notice) is shown. */
  printed: Printed | null;
  /** What was asked for, so PDFで保存 saves the same document. */
  request: PrintRequest | null;
  print(request: PrintRequest): Promise<void>;
  savePdf(): Promise<void>;
  dismiss(): void;
}

export const usePrintStore = create<PrintState>((set, get) => ({
  busy: false,
  error: null,
  printed: null,
  request: null,
  async print(request) {
    set({ busy: true, error: null, printed: null, request });
    const r = await invoke('print:document', request);
    set({ busy: false, error: r.ok ? null : r.error.message, printed: r.ok ? r.value : null });
  },
  async savePdf() {
    const { request, printed } = get();
    if (!request || !printed) return;
    set({ busy: true, error: null });
    const r = await invoke('print:save-pdf', request);
    // The preview stays; the notice says where the PDF went (nothing, when the save dialog was cancelled).
    set({ busy: false, error: r.ok ? null : r.error.message, printed: r.ok ? { ...printed, savedTo: r.value.savedTo } : printed });
  },
  dismiss: () => set({ printed: null, error: null, request: null }),
}));
