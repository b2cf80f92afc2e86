// The command line's PDFs (消去申請書, 消去報告書, reports): which browser makes them, with the app's bundled
// font when the renderer has been built (`npm run build:renderer`), else the system's Japanese fonts.
import { isWithin } from '../files/within';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../files/atomic-write';
import { chromiumPdfMaker, findPdfBrowser, type PdfMaker } from '../print/pdf-maker';
import { CliError, type CliIo } from './io';

const BUNDLED_FONT_CSS = fileURLToPath(new URL('../../dist/renderer/assets/print-fonts.css', import.meta.url));

/**
 * The PDF maker: the installed app's own engine, else a browser on this machine, else a CliError saying how to
 * name one (before anything is changed).
 */
export function cliPdfMaker(io: CliIo, what: string, nothingDone?: string): PdfMaker {
  if (io.pdfMaker !== undefined) return io.pdfMaker;
  const browser = findPdfBrowser(io.env);
  if (!browser.ok) throw new CliError(`${what}の PDF を作れません: ${browser.error}${nothingDone ? `。${nothingDone}` : ''}`);
  return chromiumPdfMaker(browser.value, BUNDLED_FONT_CSS);
}

/**
 * A printed document's file goes to a folder that is there, and never into the data folder (the encrypted folder
 * holds no plain file; an erasure would shred it unseen): said before a PIN is asked or anything made.
 */
export function refuseOutputPlace(dataDir: string, file: string, what: string): void {
  if (isWithin(file, dataDir))
    throw new CliError(`${what}の保存先 ${file} はデータフォルダの中です。データフォルダの外のフォルダを指定してください`);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new CliError(`${what}の保存先のフォルダ ${folder} がありません。あるフォルダを指定してください`);
}

/** Writes one document as PDF (owner-only: a form may name staff); the error says what was not written. */
export async function writePdf(maker: PdfMaker, html: string, path: string): Promise<string | null> {
  const pdf = await maker.make(html);
  if (!pdf.ok) return pdf.error;
  writeFileAtomic(path, pdf.value, { mode: 0o600 });
  return null;
}
