import { useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok, type PatientStatus } from '../api/clients';

const POLL_MS = 2000;

/**
 * Shown on every page of a patient: when their status becomes EMERGENCY they are told at once, in plain words, to go
 * to an emergency department now (no clinician needed first). The status is read every two seconds.
 */
export function EmergencyBanner() {
  const api = useApi();
  const [status, setStatus] = useState<PatientStatus>();

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    async function poll() {
      try {
        const s = await ok(api.triage.GET('/api/v1/patients/{patientId}/status', {
          params: { path: { patientId: api.session.subject } },
        }));
        if (!stopped) setStatus(s);
      } catch {
        // keep the last status shown; try again shortly
      }
      if (!stopped) timer = window.setTimeout(poll, POLL_MS);
    }
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api]);

  if (status?.tier === 'EMERGENCY') {
    return (
      <div className="patient-emergency" role="alert" data-testid="patient-emergency">
        <h2>Go to an emergency department now</h2>
        <p>What you recorded can be a sign of a serious problem that needs a doctor today. Go to the nearest emergency
          department (A&amp;E) now, or call emergency services. Do not wait for your clinic to call you.</p>
      </div>
    );
  }
  if (status && status.tier !== 'NONE' && (status.advice?.length ?? 0) > 0) {
    return (
      <div className={`patient-advice ${status.tier}`} role="status" data-testid="patient-advice">
        {status.advice!.map((a) => <p key={a}>{a}</p>)}
      </div>
    );
  }
  return null;
}
