import { useEffect, useState } from 'react';
import { useApi } from '../App';
import { ok } from '../api/clients';
import type { components } from '../api/generated/catalog';

type Exercise = components['schemas']['ExerciseSummary'];
type Condition = components['schemas']['ConditionContent'];

const CATEGORIES: [components['schemas']['Category'], string][] = [
  ['MOBILITY_STRETCH', 'Mobility and stretching'], ['CORE_STABILITY', 'Core stability'], ['STRENGTH', 'Strength'],
  ['CARDIO_LOW_IMPACT', 'Low-impact cardio'], ['CARDIO_MODERATE_IMPACT', 'Moderate-impact cardio'],
  ['MIND_BODY', 'Mind and body'], ['SELF_MASSAGE', 'Self-massage'],
];

/** The catalog of back-friendly exercises, filtered by condition, kind, pain level and name. */
export function Catalog() {
  const api = useApi();
  const [conditions, setConditions] = useState<Condition[]>([]);
  const [condition, setCondition] = useState('');
  const [category, setCategory] = useState('');
  const [painLevel, setPainLevel] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Exercise[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    ok(api.catalog.GET('/api/v1/conditions')).then(setConditions, (e: Error) => setError(e.message));
  }, [api]);

  useEffect(() => {
    const timer = window.setTimeout(async () => {
      setLoading(true);
      try {
        const page = await ok(api.catalog.GET('/api/v1/exercises', {
          params: {
            query: {
              limit: '50', ...(condition ? { condition: [condition] } : {}), ...(category ? { category: [category] } : {}),
              ...(painLevel ? { painLevel } : {}), ...(q.trim() ? { q: q.trim() } : {}),
            },
          },
        }));
        setItems(page.items ?? []);
        setError(undefined);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        setLoading(false);
      }
    }, 200); // typing a name asks once it pauses
    return () => window.clearTimeout(timer);
  }, [api, condition, category, painLevel, q]);

  return (
    <section>
      <h1>Exercise catalog</h1>
      <div className="filters">
        <label htmlFor="cat-condition">Condition</label>
        <select id="cat-condition" value={condition} onChange={(e) => setCondition(e.target.value)}>
          <option value="">Any</option>
          {conditions.map((c) => <option key={c.slug} value={c.slug}>{c.name}</option>)}
        </select>
        <label htmlFor="cat-category">Kind</label>
        <select id="cat-category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">Any</option>
          {CATEGORIES.map(([v, w]) => <option key={v} value={v}>{w}</option>)}
        </select>
        <label htmlFor="cat-pain">My pain today (0-10)</label>
        <select id="cat-pain" value={painLevel} onChange={(e) => setPainLevel(e.target.value)}>
          <option value="">Not said</option>
          {Array.from({ length: 11 }, (_, i) => <option key={i} value={String(i)}>{i}</option>)}
        </select>
        <label htmlFor="cat-q">Name</label>
        <input id="cat-q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. bridge" />
      </div>
      {loading && <p role="status">Searching…</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <ul className="plan" data-testid="catalog">
        {items.map((x) => (
          <li key={x.slug}>
            <strong>{x.name}</strong> · {x.category?.toLowerCase().replace(/_/g, ' ')} · {x.position?.toLowerCase().replace(/_/g, ' ')}
            {(x.suitability ?? []).filter((s) => s.note).map((s) => <p key={s.condition} className="hint">{s.rating}: {s.note}</p>)}
          </li>
        ))}
      </ul>
      {!loading && items.length === 0 && !error && <p>No exercise matches these filters.</p>}
    </section>
  );
}
