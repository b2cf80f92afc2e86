// Who may do what. Checked in main on every call; the UI only hides what main would refuse anyway.
export const STAFF_ROLES = ['clerk', 'lead', 'hq'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = { clerk: '窓口職員', lead: '会場責任者', hq: '事務センター' };
