import { useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok, type ExercisePlan } from '../api/clients';

type Item = NonNullable<ExercisePlan['main']>[number];

/** The exercise plan the patient gets now: warm-up, main part and cool-down, each with its dose and why. */
export function PatientPlan() {
  const api = useApi();
  const [plan, setPlan] = useState<ExercisePlan>();
  const [minutes, setMinutes] = useState(30);
  const [error, setError] = useState<string>();

  useEffect(() => {
    ok(api.catalog.GET('/api/v1/patients/{patientId}/exercise-plan', {
      params: { path: { patientId: api.session.subject }, query: { minutes: String(minutes) } },
    })).then((p) => { setPlan(p); setError(undefined); }, (e: Error) => setError(e.message));
  }, [api, minutes]);

  return (
    <section>
      <h1>My exercises</h1>
      <label htmlFor="minutes">Minutes I have</label>
      <select id="minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
        {[10, 20, 30, 45, 60].map((m) => <option key={m} value={m}>{m}</option>)}
      </select>
      {error && <p role="alert" className="error">{error}</p>}
      {plan && <PlanParts plan={plan} />}
    </section>
  );
}

/** The plan's advice, its three parts and its notes. */
export function PlanParts({ plan }: { plan: ExercisePlan }) {
  return (
    <div data-testid="plan">
      {plan.advice && <p className="advice">{plan.advice}</p>}
      {(plan.conditions ?? []).length > 0 && <p className="hint">Built for: {plan.conditions!.join(', ')}</p>}
      <Part title="Warm-up" items={plan.warmUp} />
      <Part title="Main part" items={plan.main} />
      <Part title="Cool-down" items={plan.coolDown} />
      {(plan.notes ?? []).map((n) => <p key={n} className="hint">{n}</p>)}
    </div>
  );
}

function Part({ title, items }: { title: string; items?: Item[] }) {
  if (!items || items.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <ol className="plan">
        {items.map((i) => (
          <li key={i.slug}>
            <strong>{i.name}</strong> · {i.minutes} min
            {i.dosage && <span className="dose"> · {dose(i.dosage)}</span>}
            {i.why && <p className="hint">{i.why}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}

function dose(d: NonNullable<Item['dosage']>): string {
  return Object.entries(d).filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${v}`).join(', ');
}
