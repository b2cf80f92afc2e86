// The data folder's disk running low, said where the venue lead looks (unlock, sign-in, 日締め): main words it
// (main/store/free-space.ts), with how much is left and what to do; `critical` is set apart as the red it is.
import type { FreeSpaceWarning } from '../../shared/ipc/contract';

export function FreeSpaceNotice({ warning }: { readonly warning: FreeSpaceWarning | undefined }) {
  if (!warning) return null;
  return (
    <p className={`free-space free-space-${warning.level}`} role="alert" data-testid="free-space">
      {warning.message}
    </p>
  );
}
