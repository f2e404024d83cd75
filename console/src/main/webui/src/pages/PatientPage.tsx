import { useCallback, useEffect, useState } from 'react';
import { useApi, link } from '../App';
import { ok, type ExercisePlan, type PatientStatus } from '../api/clients';
import type { components as JournalComponents } from '../api/generated/journal';
import type { components as CatalogComponents } from '../api/generated/catalog';
import { PainChart } from './PainChart';
import { PlanParts } from './PatientPlan';
import { RANGES } from './PatientHome';
import { usePatientEntries } from './usePatientEntries';

type Summary = JournalComponents['schemas']['JournalSummary'];
type Profile = JournalComponents['schemas']['ProfileResponse'];
type Condition = CatalogComponents['schemas']['ConditionContent'];

/**
 * A patient as a clinician sees them: status and open alerts, the pain chart, the summary's patterns, the profile
 * (diagnosed conditions editable here), and the exercise plan the patient gets now.
 */
export function PatientPage({ patientId }: { patientId: string }) {
  const api = useApi();
  const { entries, error: entriesError } = usePatientEntries(patientId);
  const [days, setDays] = useState(30);
  const [status, setStatus] = useState<PatientStatus>();
  const [summary, setSummary] = useState<Summary>();
  const [profile, setProfile] = useState<Profile>();
  const [conditions, setConditions] = useState<Condition[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [plan, setPlan] = useState<ExercisePlan>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState<string>();

  const loadPlan = useCallback(async () => {
    setPlan(await ok(api.catalog.GET('/api/v1/patients/{patientId}/exercise-plan', {
      params: { path: { patientId }, query: { minutes: '30' } },
    })));
  }, [api, patientId]);

  useEffect(() => {
    const path = { params: { path: { patientId } } };
    Promise.all([
      ok(api.triage.GET('/api/v1/patients/{patientId}/status', path)).then(setStatus),
      ok(api.journal.GET('/api/v1/patients/{patientId}/summary', { params: { path: { patientId }, query: { days: String(days) } } }))
        .then(setSummary),
      ok(api.journal.GET('/api/v1/patients/{patientId}/profile', path)).then((p) => {
        setProfile(p);
        setChosen(p.conditions ?? []);
      }).catch(() => setProfile({})), // no profile recorded yet
      ok(api.catalog.GET('/api/v1/conditions')).then(setConditions),
      loadPlan(),
    ]).catch((e: Error) => setError(e.message));
  }, [api, patientId, days, loadPlan]);

  async function saveConditions() {
    setSaving(true);
    setError(undefined);
    setSavedNote(undefined);
    try {
      const body = {
        birthYear: profile?.birthYear, firstEpisode: profile?.firstEpisode, history: profile?.history ?? [],
        conditions: chosen,
      };
      const saved = await ok(api.journal.PUT('/api/v1/patients/{patientId}/profile', {
        params: { path: { patientId } }, body,
      }));
      setProfile(saved);
      setSavedNote('Saved. The exercise plan follows in a moment.');
      // The catalog learns of the change from the journal's event: follow it for a few seconds.
      for (let i = 0; i < 10; i++) {
        await new Promise((r) => setTimeout(r, 500));
        const next = await ok(api.catalog.GET('/api/v1/patients/{patientId}/exercise-plan', {
          params: { path: { patientId }, query: { minutes: '30' } },
        }));
        setPlan(next);
        if (sameSet(next.conditions ?? [], chosen)) {
          setSavedNote('Saved. The exercise plan now follows these conditions.');
          break;
        }
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section>
      <p><a href="/" onClick={link('/')}>← Alert queue</a></p>
      <h1>Patient {patientId}</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <h2>Status</h2>
      {status && (
        <>
          <p><span className={`badge ${status.tier}`}>{status.tier === 'NONE' ? 'No open alert' : status.tier}</span></p>
          <ul>
            {(status.openAlerts ?? []).map((a) => (
              <li key={a.id}>
                <a href={`/alerts/${a.id}`} onClick={link(`/alerts/${a.id}`)}>{a.rule?.replace(/_/g, ' ')}</a>
                {' '}({a.tier}, {a.status?.toLowerCase()})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Pain over time</h2>
      <div className="ranges" role="group" aria-label="Period">
        {RANGES.map((d) => (
          <button key={d} type="button" aria-pressed={d === days} onClick={() => setDays(d)}>{d} days</button>
        ))}
      </div>
      <PainChart entries={entries} days={days} onOpen={() => undefined} />
      {entriesError && <p role="alert" className="error">{entriesError}</p>}
      {summary && (
        <>
          <h2>Patterns over {summary.days} days</h2>
          <dl className="facts" data-testid="patterns">
            <dt>Entries</dt><dd>{summary.entryCount}</dd>
            <dt>Average pain</dt><dd>{summary.meanIntensity?.toFixed(1) ?? '–'}</dd>
            <dt>Trend</dt><dd>{summary.trend?.direction?.toLowerCase() ?? '–'}</dd>
            <dt>Worse with</dt><dd>{top(summary.triggers)}</dd>
            <dt>Helped by</dt><dd>{top(summary.relievingFactors)}</dd>
            <dt>When</dt><dd>{top(summary.timing)}</dd>
          </dl>
        </>
      )}
      <h2>Diagnosed conditions</h2>
      <fieldset>
        <legend>Conditions the exercise plan takes into account</legend>
        {conditions.map((c) => (
          <label key={c.slug} className="check">
            <input type="checkbox" checked={chosen.includes(c.slug!)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, c.slug!] : chosen.filter((s) => s !== c.slug))} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={saveConditions} disabled={saving || !profile}>Save conditions</button>
      {saving && <p role="status">Saving…</p>}
      {savedNote && <p role="status" className="saved">{savedNote}</p>}
      <h2>Exercise plan the patient gets now</h2>
      {plan && <PlanParts plan={plan} />}
    </section>
  );
}

function top(list: { code?: string; count?: number }[] | undefined): string {
  if (!list || list.length === 0) return '–';
  return list.slice(0, 3).map((f) => `${f.code?.toLowerCase().replace(/_/g, ' ')} (${f.count})`).join(', ');
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
