// HQ's own backups, opened from the 事務センター screen: the same page as the venue lead's (HQ's folder, HQ staff
// as who), over the same channels.
import { useBackupStore } from '../stores/backup-store';
import { BackupView } from '../lead/BackupPage';
import { HqSubScreen } from './HqSubScreen';

const forget = () => useBackupStore.getState().reset();

export function HqBackupScreen({ onBack }: { readonly onBack: () => void }) {
  return (
    <HqSubScreen testId="hq-backup" what="事務センターのデータフォルダのバックアップです。" onBack={onBack} onLeave={forget}>
      <div className="hq-body hq-panes">
        <BackupView className="hq-pane" Heading="h2" />
      </div>
    </HqSubScreen>
  );
}
