// HQ's own 個人情報取扱台帳, opened from the 事務センター screen: HQ staff's sign-ins, ledger prints and views of
// this record, by day, staff and resident; printable like the lead's. HQ has no scanner: the numbers are typed.
import { AccessRecordView } from '../access/AccessRecordView';
import { PrintPreview } from '../print/PrintPreview';
import { useAccessStore } from '../stores/access-store';
import { HqSubScreen } from './HqSubScreen';

// The next visit starts from today's record, not the last filter's rows.
const forget = () => useAccessStore.getState().reset();

export function HqAccessRecordScreen({ onBack }: { readonly onBack: () => void }) {
  return (
    <HqSubScreen testId="hq-access" what="事務センターでの個人情報の利用の記録です。" onBack={onBack} onLeave={forget}>
      <div className="hq-body hq-panes">
        <AccessRecordView
          className="hq-pane"
          Heading="h2"
          title="個人情報取扱台帳（事務センターでの利用）"
          hint="予約管理番号だけを入れると全日分を表示します。この台帳の閲覧と印刷も記録されます。"
        />
      </div>
      <PrintPreview />
    </HqSubScreen>
  );
}
