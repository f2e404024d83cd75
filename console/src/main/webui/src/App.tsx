import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { clients, loadSettings, type Clients, type ConsoleSettings, type Session } from './api/clients';
import { navigate, usePath } from './router';
import { SignIn } from './pages/SignIn';
import { AlertQueue } from './pages/AlertQueue';
import { AlertPage } from './pages/AlertPage';
import { PatientHome } from './pages/PatientHome';
import { PatientPlan } from './pages/PatientPlan';
import { EmergencyBanner } from './pages/EmergencyBanner';

const ApiContext = createContext<Clients | null>(null);

/** The signed-in user's API clients. */
export function useApi(): Clients {
  const api = useContext(ApiContext);
  if (!api) throw new Error('not signed in');
  return api;
}

export function App() {
  const [settings, setSettings] = useState<ConsoleSettings>();
  const [failure, setFailure] = useState<string>();
  // The token lives in memory only: never in localStorage, gone when the tab closes.
  const [session, setSession] = useState<Session>();
  const path = usePath();

  useEffect(() => {
    loadSettings().then(setSettings, (e: Error) => setFailure(e.message));
  }, []);
  const signOut = useCallback(() => {
    setSession(undefined);
    navigate('/');
  }, []);
  const api = useMemo(
    () => (settings && session ? clients(settings, session, signOut) : undefined),
    [settings, session, signOut],
  );

  if (failure) return <p role="alert">The console could not start: {failure}</p>;
  if (!settings) return <p>Loading…</p>;
  if (!session || !api) return <SignIn settings={settings} onSignedIn={setSession} />;

  const isPatient = session.role === 'patient';
  return (
    <ApiContext.Provider value={api}>
      {isPatient && <EmergencyBanner />}
      <header className="bar">
        <strong>BackCare</strong>
        <nav>
          {isPatient ? (
            <>
              <a href="/" onClick={link('/')}>My journal</a>
              <a href="/plan" onClick={link('/plan')}>My exercises</a>
            </>
          ) : (
            <a href="/" onClick={link('/')}>Alert queue</a>
          )}
        </nav>
        <span className="who">
          {session.subject} · {session.role} · {session.clinicId}
          <button type="button" className="link" onClick={signOut}>Sign out</button>
        </span>
      </header>
      <main>{page(path, isPatient)}</main>
    </ApiContext.Provider>
  );
}

function page(path: string, isPatient: boolean) {
  if (isPatient) {
    return path === '/plan' ? <PatientPlan /> : <PatientHome />;
  }
  const alert = path.match(/^\/alerts\/([0-9a-f-]{36})$/);
  if (alert) return <AlertPage alertId={alert[1]} />;
  return <AlertQueue />;
}

export function link(to: string) {
  return (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
}
