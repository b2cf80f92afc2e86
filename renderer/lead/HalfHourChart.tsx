// Handovers per 30 minutes over the day, as bars over the same range the printed 日報 shows (08:00–19:00,
// wider if anything happened outside those hours). SVG attributes only (the CSP allows no inline styles).
import { chartRange } from '../../shared/print/half-hour-chart';
import { count } from '../../shared/numbers';

const SLOT_MINUTES = 30;

const label = (slot: number) =>
  `${String(Math.floor((slot * SLOT_MINUTES) / 60)).padStart(2, '0')}:${String((slot * SLOT_MINUTES) % 60).padStart(2, '0')}`;

export function HalfHourChart({ halfHours }: { readonly halfHours: readonly number[] }) {
  const { from, to } = chartRange(halfHours);
  const slots = Array.from({ length: to - from }, (_, i) => from + i);
  const max = Math.max(1, ...slots.map((s) => halfHours[s] ?? 0));
  const w = 28;
  const h = 160;
  const total = slots.reduce((a, s) => a + (halfHours[s] ?? 0), 0);
  return (
    <figure className="half-hour-chart" data-testid="half-hour-chart">
      <svg viewBox={`0 0 ${slots.length * w + 10} ${h + 40}`} role="img" aria-label={`30分ごとの交付件数（合計 ${count(total)}）`}>
        <line x1={0} y1={h} x2={slots.length * w + 10} y2={h} stroke="#5a5a5a" strokeWidth={1} />
        {slots.map((s, i) => {
          const n = halfHours[s] ?? 0;
          const bar = Math.round((n / max) * (h - 20));
          return (
            <g key={s}>
              <title>{`${label(s)}〜 ${count(n)}`}</title>
              <rect x={i * w + 6} y={h - bar} width={w - 8} height={bar} fill="#0b4fa8" />
              {n > 0 && (
                <text x={i * w + 6 + (w - 8) / 2} y={h - bar - 4} textAnchor="middle" fontSize={12} fill="#111">
                  {n}
                </text>
              )}
              {s % 2 === 0 && (
                <text x={i * w + 2} y={h + 16} fontSize={11} fill="#333">
                  {label(s)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>30分ごとの交付件数（合計 {count(total)}）</figcaption>
    </figure>
  );
}
