import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { clients, clinicSession, loadSettings, type Clients, type ConsoleSettings, type Session } from './api/clients';
import { navigate, usePath } from './router';
import { SignIn } from './pages/SignIn';
import { AlertQueue } from './pages/AlertQueue';
import { AlertPage } from './pages/AlertPage';
import { PatientHome } from './pages/PatientHome';
import { PatientPlan } from './pages/PatientPlan';
import { PatientPage } from './pages/PatientPage';
import { ClinicAdmin } from './pages/ClinicAdmin';
import { Catalog } from './pages/Catalog';
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
    loadSettings().then(async (loaded) => {
      if (!loaded.devSignIn) {
        // Production: after the clinic's sign-in, the console's server hands over the access token (kept in memory).
        const existing = await clinicSession();
        if (existing) setSession(existing);
      }
      setSettings(loaded);
    }, (e: Error) => setFailure(e.message));
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
              <a href="/catalog" onClick={link('/catalog')}>Exercise catalog</a>
            </>
          ) : (
            <>
              <a href="/" onClick={link('/')}>Alert queue</a>
              {session.role === 'clinic-admin' && <a href="/admin" onClick={link('/admin')}>Clinic administration</a>}
            </>
          )}
        </nav>
        <span className="who">
          {session.subject} · {session.role} · {session.clinicId}
          <button type="button" className="link" onClick={signOut}>Sign out</button>
        </span>
      </header>
      <main>{page(path, session.role)}</main>
    </ApiContext.Provider>
  );
}

function page(path: string, role: Session['role']) {
  if (role === 'patient') {
    if (path.startsWith('/alerts/') || path.startsWith('/patients/')) {
      return (
        <section>
          <h1>Not available</h1>
          <p role="alert" className="error">This page is for your clinic's clinicians. You are signed in as a patient.</p>
          <p><a href="/" onClick={link('/')}>Go to my journal</a></p>
        </section>
      );
    }
    if (path === '/catalog') return <Catalog />;
    return path === '/plan' ? <PatientPlan /> : <PatientHome />;
  }
  const alert = path.match(/^\/alerts\/([0-9a-f-]{36})$/);
  if (alert) return <AlertPage alertId={alert[1]} />;
  if (path === '/admin') {
    return role === 'clinic-admin' ? <ClinicAdmin /> : (
      <section>
        <h1>Not available</h1>
        <p role="alert" className="error">This page is for your clinic's administrators.</p>
      </section>
    );
  }
  const patient = path.match(/^\/patients\/([A-Za-z0-9_-]{1,64})$/);
  if (patient) return <PatientPage patientId={patient[1]} />;
  return <AlertQueue />;
}

export function link(to: string) {
  return (e: React.MouseEvent) => {
    e.preventDefault();
    navigate(to);
  };
}
