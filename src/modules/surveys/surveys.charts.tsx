// Inline SVG bar charts (no JavaScript): horizontal bars with a title and description for screen
// readers; the same numbers are always in a table beside the chart. CSP-safe (no inline styles).
export interface Bar { label: string; value: number | null; text: string; flag?: boolean }

export function BarChart(props: { id: string; title: string; desc: string; bars: Bar[]; max: number; min?: number; marker?: { value: number; label: string } }) {
  const min = props.min ?? 0;
  const rowH = 26;
  const labelW = 220;
  const chartW = 360;
  const valueW = 64;
  const width = labelW + chartW + valueW;
  const height = props.bars.length * rowH + 22;
  const x = (v: number) => labelW + ((Math.min(Math.max(v, min), props.max) - min) / (props.max - min)) * chartW;
  const ticks: number[] = [];
  const step = props.max - min > 10 ? 25 : 1;
  for (let t = Math.ceil(min / step) * step; t <= props.max; t += step) ticks.push(t);
  return (
    <svg class="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-t ${props.id}-d`} preserveAspectRatio="xMinYMin meet">
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {ticks.map((t) => <g><line x1={x(t)} x2={x(t)} y1={0} y2={height - 18} class="bar-chart__grid" /><text x={x(t)} y={height - 4} class="bar-chart__tick" text-anchor="middle">{String(t)}</text></g>)}
      {props.marker ? <g><line x1={x(props.marker.value)} x2={x(props.marker.value)} y1={0} y2={height - 18} class="bar-chart__marker" /><title>{props.marker.label}</title></g> : null}
      {props.bars.map((b, i) => {
        const y = i * rowH + 4;
        const label = b.label.length > 32 ? `${b.label.slice(0, 31)}…` : b.label;
        return (
          <g>
            <text x={labelW - 6} y={y + 14} text-anchor="end" textLength={b.label.length > 26 ? labelW - 10 : undefined} lengthAdjust="spacingAndGlyphs" class={b.flag ? 'bar-chart__label bar-chart__label--flag' : 'bar-chart__label'}>{label}</text>
            {b.value === null ? null : <rect x={labelW} y={y} width={Math.max(0, x(b.value) - labelW)} height={rowH - 8} class={b.flag ? 'bar-chart__bar bar-chart__bar--flag' : 'bar-chart__bar'} />}
            <text x={(b.value === null ? labelW : x(b.value)) + 4} y={y + 14} class="bar-chart__value">{b.text}</text>
          </g>
        );
      })}
    </svg>
  );
}
