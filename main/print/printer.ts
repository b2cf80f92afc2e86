// Where a printed document goes. The services render HTML (one template for every platform); a Printer
// turns it into paper or PDF through Chromium's print path:
//   - the window, in Electron and in browser mode alike: the document is held in memory for a few minutes and
//     shown in the window's print preview (an iframe of /__print/<id>, served by app://madoguchi/ or browser
//     mode's server), whose 印刷 button opens the OS print dialog (a printer, or PDF);
//   - the installed app's command line: a hidden, script-less window → printToPDF (main/electron/electron-pdf.ts).
// Documents hold residents' names: they are never written to disk by us unless the lead saves a PDF.
import { createHash, randomBytes } from 'node:crypto';

export interface PrintJob {
  readonly title: string;
  readonly html: string;
}

interface PrintOutcome {
  /** A same-origin URL the window can show and print (browser mode), or null. */
  readonly preview: string | null;
  /** Where a PDF was saved (PDFで保存), or null (not saved, or cancelled). */
  readonly savedTo: string | null;
}

export interface Printer {
  /** Where a document finds the app's bundled font stylesheet (print-fonts.css), as the printer loads it. */
  readonly fontCssHref: string | null;
  print(job: PrintJob): Promise<PrintOutcome>;
  /**
   * The installed app: the document as a PDF, saved where the lead chooses (null: cancelled). Browser mode has none:
   * its browser's print dialog saves PDFs, unseen by the app.
   */
  savePdf?(job: PrintJob): Promise<string | null>;
}

/** The stylesheet vite emits with the bundled Noto Sans JP @font-face rules (see vite.config.ts). */
export const PRINT_FONTS_CSS = 'assets/print-fonts.css';

export interface PreviewPrinter extends Printer {
  /** The held document for a preview id, while it lasts. */
  get(id: string): PrintJob | undefined;
}

/** PDFで保存 could not write the file where the lead chose: that place is named, never the data folder. */
export class PdfNotSaved extends Error {
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`PDF を ${path} に保存できませんでした（${why}）。何も保存していません。別の保存先を選んでください`);
    this.name = 'PdfNotSaved';
  }
}

/** Why a file could not be written, in words. */
export function whyNotWritten(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC') return '保存先の空きが足りません';
  if (code === 'EACCES' || code === 'EPERM') return '保存先に書き込む権限がありません';
  if (code === 'EROFS') return '保存先が書き込み禁止です';
  if (code === 'ENOENT') return '保存先のフォルダがありません';
  return `書き込みに失敗しました: ${code ?? 'error'}`;
}

/** Browser mode: keeps the last few documents for `ttlMs`, addressable by an unguessable id. */
export function createPreviewPrinter(options: { ttlMs?: number; keep?: number; now?: () => number } = {}): PreviewPrinter {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const keep = options.keep ?? 8;
  const now = options.now ?? Date.now;
  const held = new Map<string, { job: PrintJob; until: number }>();
  const sweep = () => {
    for (const [id, h] of held) if (h.until <= now()) held.delete(id);
    while (held.size > keep) held.delete(held.keys().next().value!);
  };
  return {
    fontCssHref: `/${PRINT_FONTS_CSS}`,
    async print(job) {
      const id = randomBytes(16).toString('hex');
      held.set(id, { job, until: now() + ttl });
      sweep();
      return { preview: `/__print/${id}`, savedTo: null };
    },
    get(id) {
      sweep();
      return held.get(id)?.job;
    },
  };
}

/**
 * The CSP a printed document is served with: no script at all, its one <style> block allowed by hash,
 * barcodes as inline SVG, the bundled font from our own origin, framed only by our own window.
 */
export function printDocumentCsp(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return `default-src 'none'; style-src 'self' ${styles.join(' ')}; img-src data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;
}
