import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok } from '../api/clients';
import type { components as TriageComponents } from '../api/generated/triage';
import type { components as JournalComponents } from '../api/generated/journal';

type Settings = TriageComponents['schemas']['Settings'];
type Webhook = TriageComponents['schemas']['Webhook'];
type Delivery = TriageComponents['schemas']['Delivery'];
type AuditRecord = JournalComponents['schemas']['AuditRecord'];

/** A clinic administrator's page: triage settings, webhooks with their delivery log and replay, the audit trail. */
export function ClinicAdmin() {
  return (
    <section>
      <h1>Clinic administration</h1>
      <TriageSettings />
      <Webhooks />
      <AuditTrail />
    </section>
  );
}

function TriageSettings() {
  const api = useApi();
  const clinicId = api.session.clinicId;
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();

  useEffect(() => {
    ok(api.triage.GET('/api/v1/clinics/{clinicId}/triage-settings', { params: { path: { clinicId } } }))
      .then(setSettings, (e: Error) => setError(e.message));
  }, [api, clinicId]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    setNote(undefined);
    try {
      setSettings(await ok(api.triage.PUT('/api/v1/clinics/{clinicId}/triage-settings', {
        params: { path: { clinicId } }, body: settings!,
      })));
      setNote('Settings saved.');
    } catch (err) {
      setError((err as Error).message);
    }
  }

  if (!settings) return error ? <p role="alert" className="error">{error}</p> : <p>Loading settings…</p>;
  const within = settings.acknowledgeWithin;
  const setWithin = (tier: keyof typeof within, value: string) =>
    setSettings({ ...settings, acknowledgeWithin: { ...within, [tier]: value } });
  return (
    <form onSubmit={save} aria-labelledby="settings-heading">
      <h2 id="settings-heading">Triage settings</h2>
      <label htmlFor="ageThreshold">Age past which a first episode is flagged (years)</label>
      <input id="ageThreshold" type="number" min={0} max={120} step={1} value={settings.ageThreshold}
        onChange={(e) => setSettings({ ...settings, ageThreshold: Number(e.target.value) })} />
      {(['EMERGENCY', 'URGENT', 'SOON'] as const).map((tier) => (
        <div key={tier}>
          <label htmlFor={`within-${tier}`}>{tier} alerts escalate when unacknowledged after (ISO-8601, e.g. PT15M)</label>
          <input id={`within-${tier}`} value={within[tier]} onChange={(e) => setWithin(tier, e.target.value)} />
        </div>
      ))}
      {error && <p role="alert" className="error">{error}</p>}
      {note && <p role="status" className="saved">{note}</p>}
      <button type="submit">Save settings</button>
    </form>
  );
}

function Webhooks() {
  const api = useApi();
  const clinicId = api.session.clinicId;
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<string>();
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [error, setError] = useState<string>();

  const load = useCallback(() => ok(api.triage.GET('/api/v1/clinics/{clinicId}/webhooks', { params: { path: { clinicId } } }))
    .then(setHooks, (e: Error) => setError(e.message)), [api, clinicId]);
  useEffect(() => {
    load();
  }, [load]);

  async function register(e: React.FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const created = await ok(api.triage.POST('/api/v1/clinics/{clinicId}/webhooks', {
        params: { path: { clinicId } }, body: { url: url.trim() },
      }));
      setSecret(created.secret);
      setUrl('');
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function showDeliveries(webhookId: string) {
    setOpen(webhookId);
    try {
      setDeliveries(await ok(api.triage.GET('/api/v1/clinics/{clinicId}/webhooks/{webhookId}/deliveries', {
        params: { path: { clinicId, webhookId }, query: { limit: '50' } },
      })));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function replay(webhookId: string, deliveryId: string) {
    try {
      await ok(api.triage.POST('/api/v1/clinics/{clinicId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay', {
        params: { path: { clinicId, webhookId, deliveryId } },
      }));
      showDeliveries(webhookId);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function remove(webhookId: string) {
    try {
      await ok(api.triage.DELETE('/api/v1/clinics/{clinicId}/webhooks/{webhookId}', { params: { path: { clinicId, webhookId } } }));
      if (open === webhookId) setOpen(undefined);
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div>
      <h2>Webhooks</h2>
      <form onSubmit={register}>
        <label htmlFor="webhook-url">Address that receives signed alert events (https)</label>
        <input id="webhook-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
        <button type="submit">Register webhook</button>
      </form>
      {secret && <p role="status">Signing secret, shown once: <code>{secret}</code></p>}
      {error && <p role="alert" className="error">{error}</p>}
      <ul>
        {hooks.map((h) => (
          <li key={h.id}>
            {h.url} ({h.kind?.toLowerCase() ?? 'webhook'}){' '}
            <button type="button" className="link" onClick={() => showDeliveries(h.id!)}>Delivery log</button>{' '}
            <button type="button" className="link" onClick={() => remove(h.id!)}>Remove</button>
          </li>
        ))}
      </ul>
      {open && (
        <table className="queue" aria-label="Deliveries">
          <thead><tr><th>Created</th><th>Status</th><th>Attempts</th><th>Last answer</th><th></th></tr></thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{d.createdAt && new Date(d.createdAt).toLocaleString()}</td>
                <td>{d.status?.toLowerCase()}</td>
                <td>{d.attempts}</td>
                <td>{d.lastStatus ?? ''} {d.lastError ?? ''}</td>
                <td><button type="button" onClick={() => replay(open, d.id!)}>Replay</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AuditTrail() {
  const api = useApi();
  const clinicId = api.session.clinicId;
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [patientId, setPatientId] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(async (after?: string) => {
    try {
      const page = await ok(api.journal.GET('/api/v1/clinics/{clinicId}/audit-records', {
        params: { path: { clinicId }, query: { limit: '50', ...(patientId.trim() ? { patientId: patientId.trim() } : {}), ...(after ? { cursor: after } : {}) } },
      }));
      setRecords((before) => (after ? [...before, ...(page.items ?? [])] : page.items ?? []));
      setCursor(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, clinicId, patientId]);

  useEffect(() => {
    load();
  }, [load]);

  return (
    <div>
      <h2>Audit trail</h2>
      <label htmlFor="audit-patient">Patient</label>
      <input id="audit-patient" value={patientId} onChange={(e) => setPatientId(e.target.value)} placeholder="all patients" />
      {error && <p role="alert" className="error">{error}</p>}
      <table className="queue" aria-label="Audit records">
        <thead><tr><th>When</th><th>Who</th><th>Patient</th><th>What</th><th>Outcome</th></tr></thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <td>{r.at && new Date(r.at).toLocaleString()}</td>
              <td>{r.actor} ({r.role})</td>
              <td>{r.patientId}</td>
              <td>{r.action}</td>
              <td>{r.outcome}{r.status ? ` (${r.status})` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor && <button type="button" onClick={() => load(cursor)}>Load more</button>}
    </div>
  );
}
