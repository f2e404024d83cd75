import { useState } from 'react';
import { useApi } from '../App';
import { ok, type PainReport } from '../api/clients';
import { ApiError } from '../api/problems';
import { LEG_SIDES, MEDICATION_EFFECTS, ONSETS, QUALITIES, RELIEVERS, SELF_TESTS, SELF_TEST_RESULTS, SIDES, SITES, SYMPTOMS, TIMINGS,
  TRAUMAS, TREATMENTS, TRIGGERS } from '../vocabulary';

type Symptom = NonNullable<PainReport['associatedSymptoms']>[number];
type Exercise = NonNullable<PainReport['exercises']>[number];
type Medication = NonNullable<PainReport['medications']>[number];
type SelfTests = NonNullable<PainReport['selfTests']>;

/** A whole number from a form field, or undefined when left empty (never a fraction silently cut). */
function whole(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** Record a journal entry: quick for the common case (intensity and a few taps), complete when needed. */
export function EntryForm({ patientId, onRecorded }: { patientId: string; onRecorded: () => void }) {
  const api = useApi();
  const [intensity, setIntensity] = useState(3);
  const [site, setSite] = useState<NonNullable<PainReport['locations']>[number]['site'] | ''>('LOWER_BACK');
  const [side, setSide] = useState<NonNullable<PainReport['locations']>[number]['side'] | ''>('');
  const [qualities, setQualities] = useState<NonNullable<PainReport['qualities']>>([]);
  const [onset, setOnset] = useState<PainReport['onset'] | ''>('');
  const [timing, setTiming] = useState<NonNullable<PainReport['timing']>>([]);
  const [triggers, setTriggers] = useState<NonNullable<PainReport['triggers']>>([]);
  const [relievers, setRelievers] = useState<NonNullable<PainReport['relievingFactors']>>([]);
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [trauma, setTrauma] = useState<PainReport['trauma'] | ''>('');
  const [notes, setNotes] = useState('');
  const [exercises, setExercises] = useState<Exercise[]>([]);
  const [medications, setMedications] = useState<Medication[]>([]);
  const [treatments, setTreatments] = useState<NonNullable<PainReport['treatments']>>([]);
  const [selfTests, setSelfTests] = useState<SelfTests>({});
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<number>(); // when, for the end-to-end latency check
  const [busy, setBusy] = useState(false);

  function toggle<T>(list: T[], value: T, set: (l: T[]) => void) {
    set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  }

  function toggleSymptom(code: Symptom['code'], leg: boolean) {
    const has = symptoms.some((s) => s.code === code);
    setSymptoms(has ? symptoms.filter((s) => s.code !== code) : [...symptoms, leg ? { code, side: 'LEFT' } : { code }]);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    const report: PainReport = {
      intensity,
      locations: site ? [side ? { site, side } : { site }] : [],
      qualities, timing, triggers, relievingFactors: relievers, associatedSymptoms: symptoms,
      exercises: exercises.filter((x) => x.exercise.trim() !== ''), medications: medications.filter((m) => m.name.trim() !== ''),
      treatments, selfTests,
      ...(onset ? { onset } : {}), ...(trauma ? { trauma } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    try {
      await ok(api.journal.POST('/api/v1/patients/{patientId}/entries', { params: { path: { patientId } }, body: report }));
      setSaved(Date.now());
      setSymptoms([]);
      setNotes('');
      setExercises([]);
      setMedications([]);
      setTreatments([]);
      setSelfTests({});
      onRecorded();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="entry-form" aria-label="Record how your back feels">
      <label className="intensity" htmlFor="intensity">
        Pain now, from 0 (none) to 10 (worst): <strong data-testid="intensity-value">{intensity}</strong>
      </label>
      <input id="intensity" type="range" name="intensity" min={0} max={10} step={1} value={intensity}
        aria-valuetext={`${intensity} out of 10`} onChange={(e) => setIntensity(Number(e.target.value))} />
      {error?.fieldMessage('intensity') && <p className="field-error">Pain: {error.fieldMessage('intensity')}</p>}
      <fieldset>
        <legend>Anything else right now?</legend>
        {SYMPTOMS.slice(0, 5).map(([code, words, leg]) => (
          <label key={code} className="check">
            <input type="checkbox" checked={symptoms.some((s) => s.code === code)} onChange={() => toggleSymptom(code, leg)} />
            {words}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={timing.includes('AT_NIGHT')} onChange={() => toggle(timing, 'AT_NIGHT', setTiming)} />
          Pain wakes me at night
        </label>
      </fieldset>
      <details>
        <summary>More details</summary>
        <label htmlFor="site">Where</label>
        <select id="site" value={site} onChange={(e) => setSite(e.target.value as typeof site)}>
          <option value="">Not said</option>
          {SITES.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
        </select>
        <label htmlFor="side">Side</label>
        <select id="side" value={side} onChange={(e) => setSide(e.target.value as typeof side)}>
          <option value="">Not said</option>
          {SIDES.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
        </select>
        <Checks legend="What it feels like" options={QUALITIES} chosen={qualities} onToggle={(v) => toggle(qualities, v, setQualities)} />
        <label htmlFor="onset">It started</label>
        <select id="onset" value={onset} onChange={(e) => setOnset(e.target.value as typeof onset)}>
          <option value="">Not said</option>
          {ONSETS.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
        </select>
        <Checks legend="When it hurts" options={TIMINGS} chosen={timing} onToggle={(v) => toggle(timing, v, setTiming)} />
        <Checks legend="What makes it worse" options={TRIGGERS} chosen={triggers} onToggle={(v) => toggle(triggers, v, setTriggers)} />
        <Checks legend="What helps" options={RELIEVERS} chosen={relievers} onToggle={(v) => toggle(relievers, v, setRelievers)} />
        <fieldset>
          <legend>Other symptoms</legend>
          {SYMPTOMS.slice(5).map(([code, words, leg]) => {
            const chosen = symptoms.find((s) => s.code === code);
            return (
              <div key={code}>
                <label className="check">
                  <input type="checkbox" checked={!!chosen} onChange={() => toggleSymptom(code, leg)} />
                  {words}
                </label>
                {chosen && leg && (
                  <>
                    <select aria-label={`${words}: which leg`} value={chosen.side}
                      onChange={(e) => setSymptoms(symptoms.map((s) => s.code === code ? { ...s, side: e.target.value as Symptom['side'] } : s))}>
                      {LEG_SIDES.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
                    </select>
                    <label className="check">
                      <input type="checkbox" checked={!!chosen.progressive}
                        onChange={(e) => setSymptoms(symptoms.map((s) => s.code === code ? { ...s, progressive: e.target.checked } : s))} />
                      getting worse
                    </label>
                  </>
                )}
              </div>
            );
          })}
        </fieldset>
        <label htmlFor="trauma">Injury</label>
        <select id="trauma" value={trauma} onChange={(e) => setTrauma(e.target.value as typeof trauma)}>
          <option value="">Not said</option>
          {TRAUMAS.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
        </select>
        <fieldset>
          <legend>Exercises done</legend>
          {exercises.map((x, i) => {
            const set = (change: Partial<Exercise>) => setExercises(exercises.map((y, j) => (j === i ? { ...y, ...change } : y)));
            return (
              <div key={i} className="row" role="group" aria-label={`Exercise ${i + 1}`}>
                <label htmlFor={`ex-name-${i}`}>Exercise</label>
                <input id={`ex-name-${i}`} value={x.exercise} maxLength={100} onChange={(e) => set({ exercise: e.target.value })} />
                <label htmlFor={`ex-min-${i}`}>Minutes</label>
                <input id={`ex-min-${i}`} type="number" min={0} max={600} step={1} value={x.durationMinutes ?? ''}
                  onChange={(e) => set({ durationMinutes: whole(e.target.value) })} />
                <label htmlFor={`ex-effort-${i}`}>Effort (1-10)</label>
                <input id={`ex-effort-${i}`} type="number" min={1} max={10} step={1} value={x.effort ?? ''}
                  onChange={(e) => set({ effort: whole(e.target.value) })} />
                <button type="button" className="link" onClick={() => setExercises(exercises.filter((_, j) => j !== i))}>
                  Remove exercise {i + 1}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setExercises([...exercises, { exercise: '' }])}>Add an exercise</button>
          {error?.fieldMessage('exercises') && <p className="field-error">Exercises: {error.fieldMessage('exercises')}</p>}
        </fieldset>
        <fieldset>
          <legend>Medication taken</legend>
          {medications.map((m, i) => {
            const set = (change: Partial<Medication>) => setMedications(medications.map((y, j) => (j === i ? { ...y, ...change } : y)));
            return (
              <div key={i} className="row" role="group" aria-label={`Medication ${i + 1}`}>
                <label htmlFor={`med-name-${i}`}>Medicine</label>
                <input id={`med-name-${i}`} value={m.name} maxLength={100} onChange={(e) => set({ name: e.target.value })} />
                <label htmlFor={`med-dose-${i}`}>Dose</label>
                <input id={`med-dose-${i}`} value={m.dose ?? ''} maxLength={100} onChange={(e) => set({ dose: e.target.value || undefined })} />
                <label htmlFor={`med-effect-${i}`}>It</label>
                <select id={`med-effect-${i}`} value={m.effect ?? ''}
                  onChange={(e) => set({ effect: (e.target.value || undefined) as Medication['effect'] })}>
                  <option value="">Not said</option>
                  {MEDICATION_EFFECTS.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
                </select>
                <button type="button" className="link" onClick={() => setMedications(medications.filter((_, j) => j !== i))}>
                  Remove medication {i + 1}
                </button>
              </div>
            );
          })}
          <button type="button" onClick={() => setMedications([...medications, { name: '' }])}>Add a medication</button>
        </fieldset>
        <Checks legend="Treatments" options={TREATMENTS} chosen={treatments} onToggle={(v) => toggle(treatments, v, setTreatments)} />
        <fieldset>
          <legend>Self-tests</legend>
          {SELF_TESTS.map(([test, words]) => (
            <div key={test}>
              <label htmlFor={`self-${test}`}>{words}</label>
              <select id={`self-${test}`} value={selfTests[test] ?? ''} onChange={(e) => {
                const next = { ...selfTests };
                if (e.target.value) next[test] = e.target.value as SelfTests[string];
                else delete next[test];
                setSelfTests(next);
              }}>
                <option value="">Not tried</option>
                {SELF_TEST_RESULTS.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
              </select>
            </div>
          ))}
        </fieldset>
        <label htmlFor="notes">Notes</label>
        <textarea id="notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      </details>
      {error && <p role="alert" className="error">{error.message}</p>}
      {saved && <p role="status" className="saved" data-saved-at={saved}>Saved to your journal.</p>}
      <button type="submit" disabled={busy}>Save entry</button>
    </form>
  );
}

function Checks<T extends string>({ legend, options, chosen, onToggle }: {
  legend: string; options: [T, string][]; chosen: T[]; onToggle: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([v, w]) => (
        <label key={v} className="check">
          <input type="checkbox" checked={chosen.includes(v)} onChange={() => onToggle(v)} />
          {w}
        </label>
      ))}
    </fieldset>
  );
}
