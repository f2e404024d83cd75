import { useCallback, useState } from 'react';
import { useApi } from '../App';
import { ok, type Entry } from '../api/clients';
import { EntryForm } from './EntryForm';
import { PainChart, isRedFlag } from './PainChart';
import { usePatientEntries } from './usePatientEntries';

export const RANGES = [14, 30, 90];

/** A patient's journal: record an entry, see the pain over time and the entries; delete one of their own. */
export function PatientHome() {
  const api = useApi();
  const patientId = api.session.subject;
  const { entries, error: loadError, reload: load } = usePatientEntries(patientId);
  const [days, setDays] = useState(30);
  const [open, setOpen] = useState<Entry>();
  const [error, setError] = useState<string>();

  async function remove(entry: Entry) {
    try {
      await ok(api.journal.DELETE('/api/v1/patients/{patientId}/entries/{entryId}', {
        params: { path: { patientId, entryId: entry.id! } },
      }));
      setOpen(undefined);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function correct(entry: Entry, intensity: number, notes: string) {
    // The report as stored, with what the patient changed; the journal keeps every revision.
    const { id: _id, patientId: _p, revision: _r, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...report } = entry;
    try {
      const corrected = await ok(api.journal.PUT('/api/v1/patients/{patientId}/entries/{entryId}', {
        params: { path: { patientId, entryId: entry.id! } },
        body: { ...report, intensity, ...(notes.trim() ? { notes: notes.trim() } : { notes: undefined }) },
      }));
      setOpen(corrected);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const onOpen = useCallback((e: Entry) => setOpen(e), []);
  return (
    <section>
      <h1>My back journal</h1>
      <EntryForm patientId={patientId} onRecorded={load} />
      <h2>My pain over time</h2>
      <div className="ranges" role="group" aria-label="Period">
        {RANGES.map((d) => (
          <button key={d} type="button" aria-pressed={d === days} onClick={() => setDays(d)}>{d} days</button>
        ))}
      </div>
      <PainChart entries={entries} days={days} onOpen={onOpen} />
      {(error ?? loadError) && <p role="alert" className="error">{error ?? loadError}</p>}
      {open && (
        <div className="entry-detail" data-testid="entry-detail">
          <h3>{new Date(open.recordedAt!).toLocaleString()}: pain {open.intensity}/10</h3>
          {isRedFlag(open) && <p className="warning">This entry reported a warning sign.</p>}
          {open.notes && <p>{open.notes}</p>}
          {(open.exercises ?? []).length > 0 && (
            <p>Exercises: {open.exercises!.map((x) => `${x.exercise}${x.durationMinutes ? ` ${x.durationMinutes} min` : ''}`).join(', ')}</p>
          )}
          {(open.medications ?? []).length > 0 && (
            <p>Medication: {open.medications!.map((m) => `${m.name}${m.dose ? ` ${m.dose}` : ''}`).join(', ')}</p>
          )}
          <Correction key={`${open.id}-${open.revision}`} entry={open} onCorrect={(i, n) => correct(open, i, n)} />
          <button type="button" onClick={() => remove(open)}>Delete this entry</button>
          <button type="button" onClick={() => setOpen(undefined)}>Close</button>
        </div>
      )}
      <h2>My entries</h2>
      <ul className="entries" data-testid="entries">
        {entries.slice(0, 50).map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => setOpen(e)}>
              {new Date(e.recordedAt!).toLocaleString()}: pain {e.intensity}/10{isRedFlag(e) ? ' ⚠' : ''}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Correct an entry's pain and notes (other details stay as recorded). */
function Correction({ entry, onCorrect }: { entry: Entry; onCorrect: (intensity: number, notes: string) => void }) {
  const [intensity, setIntensity] = useState(entry.intensity ?? 0);
  const [notes, setNotes] = useState(entry.notes ?? '');
  return (
    <form onSubmit={(e) => { e.preventDefault(); onCorrect(intensity, notes); }} aria-label="Correct this entry">
      <label htmlFor="correct-intensity">Pain, corrected: <strong>{intensity}</strong> out of 10</label>
      <input id="correct-intensity" type="range" min={0} max={10} step={1} value={intensity}
        onChange={(e) => setIntensity(Number(e.target.value))} />
      <label htmlFor="correct-notes">Notes, corrected</label>
      <textarea id="correct-notes" value={notes} maxLength={2000} onChange={(e) => setNotes(e.target.value)} />
      <button type="submit">Save correction</button>
    </form>
  );
}
