import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok, type Entry } from '../api/clients';

/** A patient's entries of the last 90 days (the chart's longest range), newest first, read page by page. */
export function usePatientEntries(patientId: string) {
  const api = useApi();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
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
    } finally {
      setLoading(false);
    }
  }, [api, patientId]);

  useEffect(() => {
    load();
  }, [load]);
  return { entries, error, loading, reload: load };
}
