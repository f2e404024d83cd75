import { useEffect, useState } from 'react';
import { useApi } from '../App';
import { type PatientStatus } from '../api/clients';
import { followStream } from '../api/stream';

/**
 * Shown on every page of a patient: when their status becomes EMERGENCY they are told at once, in plain words, to go
 * to an emergency department now (no clinician needed first). The status comes from triage's patient-status stream,
 * which sends it on connecting and each time it changes; after a drop it reconnects and gets the status anew.
 */
export function EmergencyBanner() {
  const api = useApi();
  const [status, setStatus] = useState<PatientStatus>();
  const [emergencySince, setEmergencySince] = useState<number>(); // when it was shown, for the latency check

  useEffect(() => {
    const url = `${api.settings.triageUrl}/api/v1/patients/${encodeURIComponent(api.session.subject)}/status/stream`;
    return followStream(url, () => api.session.token, (event) => {
      if (event.event !== 'status') return;
      const next = JSON.parse(event.data) as PatientStatus;
      setStatus(next);
      setEmergencySince((since) => (next.tier === 'EMERGENCY' ? since ?? Date.now() : undefined));
    }, () => undefined);
  }, [api]);

  if (status?.tier === 'EMERGENCY') {
    return (
      <div className="patient-emergency" role="alert" data-testid="patient-emergency" data-shown-at={emergencySince}>
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
