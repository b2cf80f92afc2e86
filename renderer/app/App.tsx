import { useSessionStore } from '../stores/session-store';
import { CounterScreen } from '../counter/CounterScreen';
import { LockScreen } from '../screens/LockScreen';
import { SignInScreen } from '../screens/SignInScreen';
import { StationUnlockScreen } from '../screens/StationUnlockScreen';
import { StartingScreen, UnavailableScreen } from '../screens/SimpleScreens';
import { HqScreen } from '../screens/HqScreen';

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const role = useSessionStore((s) => s.session?.role);
  switch (phase) {
    case 'starting':
      return <StartingScreen />;
    case 'unavailable':
      return <UnavailableScreen />;
    case 'station-locked':
      return <StationUnlockScreen />;
    case 'signed-out':
      return <SignInScreen />;
    case 'locked':
      return <LockScreen />;
    case 'active':
      return role === 'hq' ? <HqScreen /> : <CounterScreen />;
  }
}
