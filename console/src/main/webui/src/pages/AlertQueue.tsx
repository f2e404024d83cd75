import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi, link } from '../App';
import { ok, type Alert } from '../api/clients';
import { followStream } from '../api/stream';
import { TIERS, TIER_MEANING, tierRank } from '../tiers';

const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;

interface StreamedChange {
  change: string;
  alertId: string;
  patientId: string;
  rule: string;
  tier: string;
  status: string;
}

/** The clinic's live alert queue: most urgent first, kept current by the alert stream without a reload. */
export function AlertQueue() {
  const api = useApi();
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [error, setError] = useState<string>();
  const [connected, setConnected] = useState(false);
  const [emergency, setEmergency] = useState<StreamedChange & { shownAt: number }>();
  const [tiers, setTiers] = useState<string[]>([]);
  const [statuses, setStatuses] = useState<string[]>(['OPEN', 'ACKNOWLEDGED']);
  const [rule, setRule] = useState('');
  const reloadTimer = useRef<number>(undefined);

  const load = useCallback(async () => {
    try {
      const page = await ok(api.triage.GET('/api/v1/alerts', {
        params: { query: { tier: tiers, status: statuses, rule: rule ? [rule.trim().toUpperCase()] : [], limit: '100' } },
      }));
      setAlerts([...(page.items ?? [])].sort((a, b) => tierRank(a.tier) - tierRank(b.tier)
        || (b.createdAt ?? '').localeCompare(a.createdAt ?? '')));
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, tiers, statuses, rule]);

  useEffect(() => {
    load();
  }, [load]);

  useEffect(() => {
    return followStream(`${api.settings.triageUrl}/api/v1/alerts/stream`, () => api.session.token, (event) => {
      if (event.event !== 'alert') return;
      const change = JSON.parse(event.data) as StreamedChange;
      if (change.change === 'RAISED' && change.tier === 'EMERGENCY') {
        setEmergency({ ...change, shownAt: Date.now() });
      }
      // Many changes can come at once: reload the queue once for them.
      window.clearTimeout(reloadTimer.current);
      reloadTimer.current = window.setTimeout(() => load(), 150);
    }, (up) => {
      setConnected(up);
      if (up) load(); // after a drop, catch up with what changed meanwhile
    });
  }, [api, load]);

  useEffect(() => {
    document.title = emergency ? '⚠ EMERGENCY · BackCare' : 'Alert queue · BackCare';
  }, [emergency]);

  return (
    <section>
      {emergency && (
        <div className="emergency-cue" role="alert" data-testid="emergency-cue" data-shown-at={emergency.shownAt}>
          <span><strong>New EMERGENCY:</strong> {emergency.rule.replace(/_/g, ' ')} for patient {emergency.patientId}.</span>
          <a href={`/alerts/${emergency.alertId}`} onClick={link(`/alerts/${emergency.alertId}`)}>Open the alert</a>
          <button type="button" onClick={() => setEmergency(undefined)}>Dismiss</button>
        </div>
      )}
      <h1>Alert queue</h1>
      <p className={connected ? 'live on' : 'live off'} data-testid="live-state">
        {connected ? 'Live: new alerts appear here within seconds' : 'Reconnecting to the live feed…'}
      </p>
      <fieldset className="filters">
        <legend>Filters</legend>
        {TIERS.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={tiers.includes(t)}
              onChange={(e) => setTiers(e.target.checked ? [...tiers, t] : tiers.filter((x) => x !== t))} />
            {t}
          </label>
        ))}
        {STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={statuses.includes(s)}
              onChange={(e) => setStatuses(e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s))} />
            {s.toLowerCase()}
          </label>
        ))}
        <label htmlFor="rule" className="check">Rule</label>
        <input id="rule" value={rule} onChange={(e) => setRule(e.target.value)} placeholder="e.g. CES_SADDLE" />
      </fieldset>
      {error && <p role="alert" className="error">{error}</p>}
      {alerts.length === 0 ? (
        <p>No alerts match.</p>
      ) : (
        <table className="queue">
          <thead>
            <tr><th>Tier</th><th>Patient</th><th>Rule</th><th>Status</th><th>Raised</th></tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id} className={`tier-${a.tier}`} data-testid="alert-row">
                <td><span className={`badge ${a.tier}`} title={TIER_MEANING[a.tier as keyof typeof TIER_MEANING]}>{a.tier}</span></td>
                <td><a href={`/patients/${a.patientId}`} onClick={link(`/patients/${a.patientId}`)}>{a.patientId}</a></td>
                <td><a href={`/alerts/${a.id}`} onClick={link(`/alerts/${a.id}`)}>{a.rule?.replace(/_/g, ' ')}</a></td>
                <td>{a.status?.toLowerCase()}</td>
                <td>{a.createdAt && new Date(a.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
