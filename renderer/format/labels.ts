// Words the counter shows for codes main sends.
import { ROLE_LABELS, type StaffRole } from '../../shared/ipc/roles';
export { actorLabel } from '../../shared/ipc/roles';
import type { SearchHit } from '../../shared/counter/outcomes';

export const HIT_STATE_LABELS: Record<SearchHit['state'], string> = {
  outstanding: '交付待ち',
  'handed-over': '交付済み',
  'not-received': '未受領',
  returned: '返戻済み',
  damaged: '破損',
};

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}
