import { useSessionStore } from '../stores/session-store';
import { CounterScreen } from '../counter/CounterScreen';
import { LockScreen } from '../screens/LockScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { StationUnlockScreen } from '../screens/StationUnlockScreen';
import { StartingScreen, UnavailableScreen } from '../screens/SimpleScreens';
import { HqOfficeScreen } from '../hq/HqOfficeScreen';
import { SetupWizard } from '../setup/SetupWizard';

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const atHq = useSessionStore((s) => s.station?.hq ?? false);
  switch (phase) {
    case 'starting':
      return <StartingScreen />;
    case 'unavailable':
      return <UnavailableScreen />;
    case 'setup':
      return <SetupWizard />;
    case 'station-locked':
      return <StationUnlockScreen />;
    case 'signed-out':
      return <SignInScreen />;
    case 'locked':
      return <LockScreen />;
    case 'active':
      // Headquarters' own folder has HQ's screens; HQ staff cannot sign in at a venue (main refuses them).
      return atHq ? <HqOfficeScreen /> : <CounterScreen />;
  }
}
