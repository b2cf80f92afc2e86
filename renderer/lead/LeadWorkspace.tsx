// The venue lead's work pages in the stage: 照合・日報, 訂正, 返戻, 職員, 個人情報取扱台帳, バックアップ, 保管・報告. Opened from the lead menu; Esc or
// 窓口に戻る returns to the counter.
import { useEffect } from 'react';
import { useLeadStore, type LeadPage } from '../stores/lead-store';
import { useCorrectionsStore } from '../stores/corrections-store';
import { useReturnsStore } from '../stores/returns-store';
import { ReconciliationPage } from './ReconciliationPage';
import { CorrectionsPage } from './CorrectionsPage';
import { ReturnsPage } from './ReturnsPage';
import { StaffPage } from './StaffPage';
import { useStaffStore } from '../stores/staff-store';
import { AccessRecordPage } from './AccessRecordPage';
import { useAccessStore } from '../stores/access-store';
import { Key } from '../components/Key';
import { BackupPage } from './BackupPage';
import { useBackupStore } from '../stores/backup-store';
import { DataLifePage } from './DataLifePage';
import { useDataLifeStore } from '../stores/data-life-store';

const TABS: readonly { page: LeadPage; label: string }[] = [
  { page: 'reconciliation', label: '照合・日報' },
  { page: 'corrections', label: '訂正' },
  { page: 'returns', label: '返戻' },
  { page: 'staff', label: '職員' },
  { page: 'access', label: '個人情報取扱台帳' },
  { page: 'backup', label: 'バックアップ' },
  { page: 'data-life', label: '保管・報告' },
];

export function leaveLeadWorkspace(): void {
  useLeadStore.getState().exit();
  useCorrectionsStore.getState().reset();
  useReturnsStore.getState().reset();
  useStaffStore.getState().reset();
  useAccessStore.getState().reset();
  useBackupStore.getState().reset();
  useDataLifeStore.getState().reset();
}

export function LeadWorkspace({ page }: { readonly page: LeadPage }) {
  const open = useLeadStore((s) => s.open);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && document.querySelector('dialog[open]') === null) {
        e.preventDefault();
        leaveLeadWorkspace();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="lead-workspace" data-testid="lead-workspace">
      <nav className="lead-tabs" aria-label="会場責任者の業務">
        {TABS.map((t) => (
          <button
            key={t.page}
            type="button"
            className={`btn ${t.page === page ? 'btn-primary' : ''}`}
            aria-current={t.page === page ? 'page' : undefined}
            onClick={() => open(t.page)}
          >
            {t.label}
          </button>
        ))}
        <span className="action-spacer" />
        <button className="btn" type="button" onClick={leaveLeadWorkspace}>
          窓口に戻る <Key k="Esc" />
        </button>
      </nav>
      {page === 'reconciliation' && <ReconciliationPage />}
      {page === 'corrections' && <CorrectionsPage />}
      {page === 'returns' && <ReturnsPage />}
      {page === 'staff' && <StaffPage />}
      {page === 'access' && <AccessRecordPage />}
      {page === 'backup' && <BackupPage />}
      {page === 'data-life' && <DataLifePage />}
    </div>
  );
}
