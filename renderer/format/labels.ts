// Words the counter shows for codes main sends.
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../../shared/ipc/roles';
import type { SearchHit } from '../../shared/counter/outcomes';

/** `clerk:clerk1` (an event's actor) → `clerk1（窓口職員）`. */
export function actorLabel(actor: string): string {
  const i = actor.indexOf(':');
  if (i < 0) return actor;
  const role = actor.slice(0, i);
  const id = actor.slice(i + 1);
  return (STAFF_ROLES as readonly string[]).includes(role) ? `${id}（${ROLE_LABELS[role as StaffRole]}）` : actor;
}

export const HIT_STATE_LABELS: Record<SearchHit['state'], string> = {
  outstanding: '交付待ち',
  'handed-over': '交付済み',
  'not-received': '未受領',
  returned: '返戻済み',
};

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}
