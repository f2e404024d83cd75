import { useEffect, useRef } from 'react';
import { Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { Entry } from '../api/clients';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

const RED_FLAGS = new Set(['SADDLE_NUMBNESS', 'BLADDER_DYSFUNCTION', 'BOWEL_DYSFUNCTION', 'SEXUAL_DYSFUNCTION',
  'GAIT_DISTURBANCE', 'FEVER', 'CHILLS', 'UNEXPLAINED_WEIGHT_LOSS']);

export function isRedFlag(e: Entry): boolean {
  return (e.associatedSymptoms ?? []).some((s) => RED_FLAGS.has(s.code ?? '') || s.side === 'BOTH' || s.progressive);
}

/** Pain intensity over time, one point per entry (red flags marked in red); a point opens its entry. */
export function PainChart({ entries, days, onOpen }: { entries: Entry[]; days: number; onOpen: (e: Entry) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const since = Date.now() - days * 86_400_000;
    const shown = entries.filter((e) => e.recordedAt && Date.parse(e.recordedAt) >= since)
      .sort((a, b) => Date.parse(a.recordedAt!) - Date.parse(b.recordedAt!));
    const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
      type: 'line',
      data: {
        datasets: [{
          label: 'Pain (0-10)',
          data: shown.map((e) => ({ x: Date.parse(e.recordedAt!), y: e.intensity ?? 0 })),
          borderColor: '#3b6ea5',
          pointRadius: shown.map((e) => (isRedFlag(e) ? 7 : 4)),
          pointBackgroundColor: shown.map((e) => (isRedFlag(e) ? '#c0392b' : '#3b6ea5')),
        }],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', min: since, max: Date.now(), ticks: { callback: (v) => new Date(Number(v)).toLocaleDateString() } },
          y: { min: 0, max: 10, ticks: { stepSize: 2 } },
        },
        plugins: {
          tooltip: { callbacks: { title: (items) => new Date(items[0].parsed.x ?? 0).toLocaleString() } },
        },
        onClick: (_, elements) => {
          if (elements.length > 0) onOpen(shown[elements[0].index]);
        },
      },
    };
    const chart = new Chart(canvas.current!, config);
    return () => chart.destroy();
  }, [entries, days, onOpen]);

  return (
    <div className="chart" data-testid="pain-chart">
      <canvas ref={canvas} aria-label={`Pain over the last ${days} days`} role="img" />
    </div>
  );
}
