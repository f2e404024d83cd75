import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok, type Entry } from '../api/clients';
import { EntryForm } from './EntryForm';
import { PainChart, isRedFlag } from './PainChart';

const RANGES = [14, 30, 90];

/** A patient's journal: record an entry, see the pain over time and the entries; delete one of their own. */
export function PatientHome() {
  const api = useApi();
  const patientId = api.session.subject;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [days, setDays] = useState(30);
  const [open, setOpen] = useState<Entry>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      // Pages of the chart's range, newest first; a range of 90 days is a bounded number of pages.
      const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
      const all: Entry[] = [];
      let cursor: string | undefined;
      do {
        const page = await ok(api.journal.GET('/api/v1/patients/{patientId}/entries', {
          params: { path: { patientId }, query: { from, limit: '100', ...(cursor ? { cursor } : {}) } },
        }));
        all.push(...(page.items ?? []));
        cursor = page.nextCursor;
      } while (cursor && all.length < 1000);
      setEntries(all);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [api, patientId]);

  useEffect(() => {
    load();
  }, [load]);

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
      {error && <p role="alert" className="error">{error}</p>}
      {open && (
        <div className="entry-detail" data-testid="entry-detail">
          <h3>{new Date(open.recordedAt!).toLocaleString()}: pain {open.intensity}/10</h3>
          {isRedFlag(open) && <p className="warning">This entry reported a warning sign.</p>}
          {open.notes && <p>{open.notes}</p>}
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
