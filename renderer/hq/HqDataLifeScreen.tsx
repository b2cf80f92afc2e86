// HQ's own 個人情報の保管と報告, opened from the 事務センター screen: the same page as the venue lead's (HQ's folder,
// HQ staff as who prints), over the same channels.
import { DataLifeView } from '../lead/DataLifePage';
import { PrintPreview } from '../print/PrintPreview';
import { useDataLifeStore } from '../stores/data-life-store';
import { HqSubScreen } from './HqSubScreen';

// The next visit starts from last month's report and today's hours again.
const forget = () => useDataLifeStore.getState().reset();

export function HqDataLifeScreen({ onBack }: { readonly onBack: () => void }) {
  return (
    <HqSubScreen
      testId="hq-data-life"
      what="事務センターのデータフォルダの個人情報の保管と、その報告です。"
      onBack={onBack}
      onLeave={forget}
    >
      <div className="hq-body hq-panes">
        <DataLifeView className="hq-pane" Heading="h2" />
      </div>
      <PrintPreview />
    </HqSubScreen>
  );
}
