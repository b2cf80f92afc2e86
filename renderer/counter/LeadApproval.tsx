// 日締め後の承認: once the venue's day is closed, a clerk's handover or refusal for it needs a venue lead, who
// gives their ID and PIN here (main checks both; the event names the lead). A lead signed in needs nothing.
import { useEffect, useRef } from 'react';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';

export function LeadApproval() {
  const closed = useSessionStore((s) => s.status?.todayClosed ?? null);
  const isLead = useSessionStore((s) => s.session?.role === 'lead');
  const asked = useUiStore((s) => s.approvalAsked);
  const approval = useUiStore((s) => s.approval);
  const setApproval = useUiStore((s) => s.setApproval);
  const staffField = useRef<HTMLInputElement>(null);
  // Main said a lead must approve (Ctrl+Enter without it): the keyboard goes where the clerk must type next.
  useEffect(() => {
    if (asked) staffField.current?.focus();
  }, [asked]);
  if (isLead || (closed === null && !asked)) return null;
  return (
    <fieldset className="group lead-approval" data-testid="lead-approval">
      <legend className="group-legend">本日は日締め済みです：会場責任者の承認</legend>
      <label className="field-inline">
        <span className="field-label">会場責任者の職員ID</span>
        <input
          ref={staffField}
          className="field-input"
          autoComplete="off"
          spellCheck={false}
          value={approval.staffId}
          onChange={(e) => setApproval({ ...approval, staffId: e.currentTarget.value })}
        />
      </label>
      <label className="field-inline">
        <span className="field-label">PIN</span>
        <input
          className="field-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={approval.pin}
          onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
