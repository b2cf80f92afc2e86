// Words the counter shows for codes main sends.
import { ROLE_LABELS, type StaffRole } from '../../shared/ipc/roles';
import type { SearchHit } from '../../shared/counter/outcomes';
import { CARD_STATE_LABELS } from '../../shared/glossary';

export const HIT_STATE_LABELS: Readonly<Record<SearchHit['state'], string>> = CARD_STATE_LABELS;

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}
