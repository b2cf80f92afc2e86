// What the counter says after a recording, and what it sends with one: the notice (and its plain form naming no
// resident), the words for a recording main could not be reached for, and the lead's approval after 日締め.
import type { Cue } from '../sound/cues';
import { tokyoClockTime } from '../format/dates';
import { useUiStore } from './ui-store';

export interface Notice {
  readonly seq: number;
  readonly tone: 'success' | 'info' | 'error';
  readonly text: string;
  readonly cue: Cue | null;
  /** Date.now() when given. */
  readonly at: number;
  /** The same confirmation naming no resident, shown instead once it has been up a while; null if it names none. */
  readonly plain: string | null;
}

/** Notices are told apart by this number (the sound plays once per notice, even for the same words). */
let seq = 0;
/** The lead's approval typed into the dialog (after 日締め), sent only when filled in. */
export const leadApproval = () => {
  const { staffId, pin } = useUiStore.getState().approval;
  return staffId !== '' && pin !== '' ? { approval: { staffId: staffId.trim(), pin } } : {};
};
/**
 * A recording main could not be reached for: it may or may not have been recorded, so the dialog stays open and
 * says so. Pressing again is safe: main decides, and a card already handed over is shown as such.
 */
export const UNSURE =
  '窓口サービスと通信できないため、記録できたか確認できません。通信が戻ったら、もう一度押してください（二重に記録されることはありません）';
/** A wrong lead ID or PIN, or a clerk's, in the approval: said in the dialog, which stays open. */
export const approvalProblem = (code: string) => code === 'bad-credentials' || code === 'locked-out' || code === 'forbidden';
export const notice = (tone: Notice['tone'], text: string, cue: Cue | null = null, plain: string | null = null): Notice => ({
  seq: ++seq,
  tone,
  text,
  cue,
  at: Date.now(),
  plain,
});
/** A Tokyo clock time (14:02) for a confirmation's plain form. */
export const clock = (ms: number) => tokyoClockTime(new Date(ms).toISOString());
