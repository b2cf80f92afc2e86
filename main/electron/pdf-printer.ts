// Electron's printer: the document in a hidden window with JavaScript off, Chromium's print path
// (webContents.printToPDF, A4 from the document's @page), then saved where the lead chooses. The app's
// bundled font is reachable because the data: URL's base is the renderer folder.
import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { PRINT_FONTS_CSS, type Printer } from '../print/printer';

export function createPdfPrinter(rendererDir: string, parent: () => BrowserWindow | null): Printer {
  return {
    fontCssHref: PRINT_FONTS_CSS,
    async print(job) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(job.html).toString('base64')}`, {
          baseURLForDataURL: `${pathToFileURL(rendererDir).href}/`,
        });
        const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, pageSize: 'A4' });
        const owner = parent();
        const options = {
          title: job.title,
          defaultPath: `${job.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`,
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { preview: null, savedTo: null };
        await writeFile(choice.filePath, pdf, { mode: 0o600 });
        return { preview: null, savedTo: choice.filePath };
      } finally {
        win.destroy();
      }
    },
  };
}
