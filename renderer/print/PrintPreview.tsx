// The print preview: the document itself (a same-origin frame with no script) and a 印刷 button that opens the
// OS print dialog for it (a printer, or save as PDF), in the installed app as in browser mode. Shown over any
// screen while a print is in hand.
import { useRef } from 'react';
import { Modal } from '../components/Modal';
import { Key } from '../components/Key';
import { usePrintStore } from '../stores/print-store';

export function PrintPreview() {
  const { printed, error, busy, dismiss, savePdf } = usePrintStore();
  const frame = useRef<HTMLIFrameElement>(null);
  if (!printed && !error && !busy) return null;
  return (
    <Modal
      title={printed ? `印刷：${printed.title}` : '印刷'}
      onCancel={dismiss}
      className="modal-wide print-preview"
      testId="print-preview"
    >
      {busy && <p aria-busy="true">帳票を作成しています…</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {printed && (
        <>
          <p data-testid="print-pages">A4・全 {printed.pages} ページ</p>
          {printed.savedTo && (
            <p className="verdict verdict-ok" role="status">
              PDF を保存しました：{printed.savedTo}
            </p>
          )}
          {printed.preview && (
            <iframe
              ref={frame}
              className="print-frame"
              src={printed.preview}
              title={`${printed.title} のプレビュー`}
              data-testid="print-frame"
            />
          )}
        </>
      )}
      <div className="button-row">
        {printed?.preview && (
          <button className="btn btn-primary" type="button" data-autofocus="" onClick={() => frame.current?.contentWindow?.print()}>
            印刷する
          </button>
        )}
        {printed?.savesPdf && (
          <button className="btn" type="button" disabled={busy} onClick={() => void savePdf()}>
            PDFで保存
          </button>
        )}
        <button className="btn" type="button" data-autofocus={printed?.preview ? undefined : ''} onClick={dismiss}>
          閉じる <Key k="Esc" />
        </button>
      </div>
    </Modal>
  );
}
