// A live time-series chart (uPlot): x is simulated time, one or more series, an optional flat line (the
// latency objective, the budget). It keeps one uPlot per mount and only swaps its data when new points come.
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatClock } from '../../i18n/index.ts';

export interface ChartSeries {
  label: string;
  colour: string;
  values: (number | null)[];
  dash?: number[];
  fill?: boolean;
}

export function Chart({ id, title, x, series, height = 150, unit = '' }: { id: string; title: string; x: number[]; series: ChartSeries[]; height?: number; unit?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = series.map((s) => `${s.label}|${s.colour}`).join(',');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        { stroke: '#94a3b8', grid: { stroke: '#1e293b' }, ticks: { stroke: '#334155' }, values: (_u, splits) => splits.map((v) => formatClock(v).slice(0, -3)) },
        { stroke: '#94a3b8', grid: { stroke: '#1e293b' }, ticks: { stroke: '#334155' }, size: 56, values: (_u, splits) => splits.map((v) => `${compact(v)}${unit}`) },
      ],
      series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.colour, width: 2, ...(s.dash ? { dash: s.dash } : {}), ...(s.fill ? { fill: `${s.colour}22` } : {}), points: { show: false } }))],
    };
    plot.current = new uPlot(opts, [x, ...series.map((s) => s.values)] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData([x, ...series.map((s) => s.values)] as uPlot.AlignedData);
  });

  return h('figure', { class: 'chart', id }, h('figcaption', {}, title), h('div', { ref: box, class: 'chart-box' }));
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(a >= 1e4 ? 0 : 1)}k`;
  return a < 10 && a % 1 !== 0 ? v.toFixed(2) : String(Math.round(v));
}
