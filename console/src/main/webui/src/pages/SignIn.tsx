import { useState } from 'react';
import { devSignIn, type ConsoleSettings, type Session } from '../api/clients';
import { ApiError } from '../api/problems';

/** Development sign-in: choose clinic, role and user id; the console's server signs a development token. */
export function SignIn({ settings, onSignedIn }: { settings: ConsoleSettings; onSignedIn: (s: Session) => void }) {
  const [clinicId, setClinicId] = useState('clinic-1');
  const [role, setRole] = useState('clinician');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  if (!settings.devSignIn) {
    return (
      <main className="narrow">
        <h1>BackCare console</h1>
        <p>You sign in with your clinic's account.</p>
        <p><a className="button" href="/console/login">Sign in with your clinic</a></p>
      </main>
    );
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await devSignIn(clinicId.trim(), role, subject.trim()));
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>Sign in to BackCare</h1>
      <p className="hint">Development sign-in: not available in production.</p>
      <form onSubmit={submit}>
        <label htmlFor="clinicId">Clinic</label>
        <input id="clinicId" name="clinicId" value={clinicId} onChange={(e) => setClinicId(e.target.value)} required />
        {error?.fieldMessage('clinicId') && <p className="field-error">Clinic: {error.fieldMessage('clinicId')}</p>}
        <label htmlFor="role">Role</label>
        <select id="role" name="role" value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="patient">Patient</option>
          <option value="clinician">Clinician</option>
          <option value="clinic-admin">Clinic administrator</option>
        </select>
        <label htmlFor="subject">User id</label>
        <input id="subject" name="subject" value={subject} onChange={(e) => setSubject(e.target.value)} required
          placeholder="for a patient, the patient id" />
        {error?.fieldMessage('subject') && <p className="field-error">User id: {error.fieldMessage('subject')}</p>}
        {error && !error.problem?.violations && <p role="alert" className="error">{error.message}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
      </form>
    </main>
  );
}
