// PDFs through Electron's own Chromium: a held print document (served at app://madoguchi/__print/<id>, with the
// bundled font from the same origin) loaded in a hidden window with JavaScript off, then Chromium's print path
// (printToPDF, A4 from the document's @page). The command line inside the installed app makes its 消去申請書,
// 消去報告書 and reports this way, so it needs no browser on the PC.
import { app, BrowserWindow } from 'electron';
import { err, ok } from '../../shared/result';
import type { PdfMaker } from '../print/pdf-maker';
import type { PreviewPrinter } from '../print/printer';
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
