// A document handed to the printer, and what the access record keeps of it: who printed which document with how
// many residents' rows (別紙⑦: every use recorded); a PDF saved from the window, where it went and whose rows.
import { rm } from 'node:fs/promises';
import { err, ok } from '../../shared/result';
import type { ChannelOutput, IpcResult } from '../../shared/ipc/contract';
import { actorOf, type Staff } from '../auth/staff';
import type { AccessLog } from '../access/access-record';
import type { RenderedDocument } from './documents';
import { PdfNotSaved, type Printer } from './printer';

type PrintedOutput = ChannelOutput<'print:document'>;

export async function printRecorded(
  printer: Printer,
  access: AccessLog | undefined,
  who: { stationId: string; staff: Staff },
  doc: RenderedDocument,
  detail: Record<string, string | number | boolean | null>,
  how: 'preview' | 'pdf' = 'preview',
): Promise<IpcResult<PrintedOutput>> {
  const job = { title: doc.title, html: doc.html };
  const savesPdf = printer.savePdf !== undefined;
  const done = (out: { preview: string | null; savedTo: string | null }) => ok({ title: doc.title, pages: doc.pages, ...out, savesPdf });
  if (how === 'preview') {
    access?.record({
      stationId: who.stationId,
      actor: actorOf(who.staff),
      action: 'print',
      subject: doc.subject,
      detail: { ...detail, rows: doc.rows, pages: doc.pages, subjects: doc.subjects },
    });
    return done(await printer.print(job));
  }
  if (!printer.savePdf)
    return err({
      code: 'unavailable',
      message: 'この画面では PDF を直接保存できません。印刷する → 印刷の画面で「PDF に保存」を選んでください',
    });
  let savedTo: string | null;
  try {
    savedTo = await printer.savePdf(job);
  } catch (e) {
    if (e instanceof PdfNotSaved) return err({ code: 'not-saved', message: e.message });
    throw e;
  }
  if (savedTo === null) return done({ preview: null, savedTo: null });
  // The document left the encrypted folder as a plain file: where to, and whose (the retention plan lists it).
  try {
    access?.record({
      stationId: who.stationId,
      actor: actorOf(who.staff),
      action: doc.subjects.length > 0 ? 'export' : 'print',
      subject: doc.subject,
      detail: { ...detail, rows: doc.rows, pages: doc.pages, destination: savedTo, subjects: doc.subjects },
    });
  } catch (e) {
    // No file of residents' data outside the folder without its row (別紙⑦): the PDF goes, and the fault is said as
    // any unrecorded work is (a full data disk …). Only if it cannot go is the lead asked to delete it.
    const removed = await rm(savedTo, { force: true }).then(
      () => true,
      () => false,
    );
    if (removed) throw e;
    return err({
      code: 'not-saved',
      message: `PDF を ${savedTo} に保存しましたが、記録できず、削除もできませんでした。このファイルを手で削除してから、もう一度保存してください`,
    });
  }
  return done({ preview: null, savedTo });
}
