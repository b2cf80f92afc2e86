// PDFs through Electron's own Chromium: a held print document (served at app://madoguchi/__print/<id>, with the
// bundled font from the same origin) loaded in a hidden window with JavaScript off, then Chromium's print path
// (printToPDF, A4 from the document's @page). The print preview's PDFで保存 saves one where the lead chooses; the
// command line inside the installed app makes its 消去申請書, 消去報告書 and reports this way, so it needs no browser.
import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { err, ok } from '../../shared/result';
import type { PdfMaker } from '../print/pdf-maker';
import { PdfNotSaved, whyNotWritten, type PreviewPrinter, type PrintJob } from '../print/printer';
import { APP_PAGE } from './app-protocol';

/** The document at `url` (one of ours) as PDF bytes. */
async function pdfOf(url: string): Promise<Buffer> {
  await app.whenReady();
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  try {
    await win.loadURL(url);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, pageSize: 'A4' });
  } finally {
    win.destroy();
  }
}

export function electronPdfMaker(prints: PreviewPrinter): PdfMaker {
  return {
    fontCssHref: prints.fontCssHref,
    engine: 'Madoguchi（Electron）',
    async make(html) {
      const held = await prints.print({ title: 'PDF', html });
      try {
        return ok(await pdfOf(new URL(held.preview!, APP_PAGE).href));
      } catch (e) {
        return err(`PDF を作れませんでした（${(e as Error).message}）`);
      }
    },
  };
}

/** The preview printer, and PDFで保存: the document as PDF, saved (owner-only) where the lead chooses; null if cancelled. */
export function windowPrinter(prints: PreviewPrinter, parent: () => BrowserWindow | null): PreviewPrinter {
  return {
    ...prints,
    async savePdf(job: PrintJob) {
      const held = await prints.print(job);
      const pdf = await pdfOf(new URL(held.preview!, APP_PAGE).href);
      const options = {
        title: job.title,
        defaultPath: `${job.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const owner = parent();
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      try {
        await writeFile(choice.filePath, pdf, { mode: 0o600 });
      } catch (e) {
        // The chosen place, not the data folder: said as such (a write-protected or full USB stick, a folder not ours).
        throw new PdfNotSaved(choice.filePath, whyNotWritten(e));
      }
      return choice.filePath;
    },
  };
}
