// Who may do what. Checked in main on every call; the UI only hides what main would refuse anyway.
export const STAFF_ROLES = ['clerk', 'lead', 'hq'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = { clerk: '窓口職員', lead: '会場責任者', hq: '事務センター' };

/** An actor as events record it (`lead:lead1`) the way a person reads it: `lead1（会場責任者）`. */
export function actorLabel(actor: string): string {
  const i = actor.indexOf(':');
  if (i < 0) return actor;
  const role = actor.slice(0, i);
  return (STAFF_ROLES as readonly string[]).includes(role) ? `${actor.slice(i + 1)}（${ROLE_LABELS[role as StaffRole]}）` : actor;
}
