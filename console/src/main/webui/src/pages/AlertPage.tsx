import { useCallback, useEffect, useState } from 'react';
import { useApi, link } from '../App';
import { ok, type Alert, type Entry } from '../api/clients';
import { TIER_MEANING } from '../tiers';

/** One alert: its rule, reason, evidence and history; acknowledge it, and resolve it with a note. */
export function AlertPage({ alertId }: { alertId: string }) {
  const api = useApi();
  const [alert, setAlert] = useState<Alert>();
  const [evidence, setEvidence] = useState<Entry[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const a = await ok(api.triage.GET('/api/v1/alerts/{alertId}', { params: { path: { alertId } } }));
      setAlert(a);
      const entries = await Promise.all((a.evidence ?? []).map((entryId) =>
        ok(api.journal.GET('/api/v1/patients/{patientId}/entries/{entryId}', {
          params: { path: { patientId: a.patientId!, entryId } },
        })).catch(() => undefined)));
      setEvidence(entries.filter((e) => e !== undefined) as Entry[]);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, alertId]);

  useEffect(() => {
    load();
  }, [load]);

  async function act(action: 'acknowledge' | 'resolve') {
    setBusy(true);
    setError(undefined);
    try {
      const body = { note: note.trim() || undefined } as { note: string };
      const updated = action === 'acknowledge'
        ? await ok(api.triage.POST('/api/v1/alerts/{alertId}/acknowledge', { params: { path: { alertId } }, body }))
        : await ok(api.triage.POST('/api/v1/alerts/{alertId}/resolve', { params: { path: { alertId } }, body }));
      setAlert(updated);
      setNote('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!alert) return error ? <p role="alert" className="error">{error}</p> : <p>Loading…</p>;
  const needsAcknowledgement = alert.status === 'OPEN' && (alert.tier === 'EMERGENCY' || alert.tier === 'URGENT');
  return (
    <section>
      <p><a href="/" onClick={link('/')}>← Alert queue</a></p>
      <h1>
        <span className={`badge ${alert.tier}`}>{alert.tier}</span> {alert.rule?.replace(/_/g, ' ')}
      </h1>
      <p className="meaning">{TIER_MEANING[alert.tier as keyof typeof TIER_MEANING]}</p>
      <dl className="facts">
        <dt>Patient</dt><dd><a href={`/patients/${alert.patientId}`} onClick={link(`/patients/${alert.patientId}`)}>{alert.patientId}</a></dd>
        <dt>Status</dt><dd data-testid="alert-status">{alert.status?.toLowerCase()}</dd>
        <dt>Why</dt><dd>{alert.reason}</dd>
        <dt>Advice given</dt><dd>{alert.advice}</dd>
      </dl>
      {alert.evidenceWithdrawn && (
        <p className="warning">Every entry that was evidence has been deleted or corrected: review before resolving.</p>
      )}
      <h2>Evidence</h2>
      {evidence.length === 0 ? <p>No entry is evidence now.</p> : (
        <ul>
          {evidence.map((e) => (
            <li key={e.id}>
              {e.recordedAt && new Date(e.recordedAt).toLocaleString()}: pain {e.intensity}/10
              {e.associatedSymptoms && e.associatedSymptoms.length > 0 &&
                ` · ${e.associatedSymptoms.map((s) => s.code?.toLowerCase().replace(/_/g, ' ')).join(', ')}`}
              {e.notes && ` · “${e.notes}”`}
            </li>
          ))}
        </ul>
      )}
      {alert.status !== 'RESOLVED' && (
        <form onSubmit={(e) => e.preventDefault()} className="actions">
          <label htmlFor="note">Note</label>
          <textarea id="note" name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000}
            placeholder="What was done: called the patient, referred to A&E…" />
          {alert.status === 'OPEN' && (
            <button type="button" disabled={busy} onClick={() => act('acknowledge')}>Acknowledge</button>
          )}
          <button type="button" disabled={busy || needsAcknowledgement || note.trim() === ''}
            onClick={() => act('resolve')}
            title={needsAcknowledgement ? 'Acknowledge this alert first' : 'A note is required to resolve'}>
            Resolve with note
          </button>
          {needsAcknowledgement && <p className="hint">An {alert.tier} alert is acknowledged before it is resolved.</p>}
        </form>
      )}
      {error && <p role="alert" className="error">{error}</p>}
      <h2>History</h2>
      <ol className="history">
        {(alert.history ?? []).map((c, i) => (
          <li key={i}>
            {c.at && new Date(c.at).toLocaleString()}: {c.action?.toLowerCase().replace(/_/g, ' ')} by {c.actor}
            {c.note && ` · ${c.note}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
