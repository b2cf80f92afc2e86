// The command line's PDFs (消去申請書, 消去報告書, reports): which browser makes them, with the app's bundled
// font when the renderer has been built (`npm run build:renderer`), else the system's Japanese fonts.
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../files/atomic-write';
import { chromiumPdfMaker, findPdfBrowser, type PdfMaker } from '../print/pdf-maker';
import { CliError, type CliIo } from './io';

const BUNDLED_FONT_CSS = fileURLToPath(new URL('../../dist/renderer/assets/print-fonts.css', import.meta.url));

/** The PDF maker for this machine, or a CliError saying how to name one (before anything is changed). */
export function cliPdfMaker(io: CliIo, what: string): PdfMaker {
  const browser = findPdfBrowser(io.env);
  if (!browser.ok) throw new CliError(`${what}の PDF を作れません: ${browser.error}`);
  return chromiumPdfMaker(browser.value, BUNDLED_FONT_CSS);
}

/** Writes one document as PDF (owner-only: a form may name staff); the error says what was not written. */
export async function writePdf(maker: PdfMaker, html: string, path: string): Promise<string | null> {
  const pdf = await maker.make(html);
  if (!pdf.ok) return pdf.error;
  writeFileAtomic(path, pdf.value, { mode: 0o600 });
  return null;
}
