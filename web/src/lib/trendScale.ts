// The geometry of a small line chart: each series' points scaled into a box, a little headroom
// above and below, and the index nearest to where a finger touches.

export interface TrendSeries {
  name: string;
  color: string;
  values: number[];
}

export interface TrendGeometry {
  min: number;
  max: number;
  paths: { name: string; color: string; points: string }[];
}

/** Points ("x,y x,y …") for every series in a width × height box; y grows downwards. */
export function trendGeometry(series: TrendSeries[], width: number, height: number): TrendGeometry {
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  let min = all.length ? Math.min(...all) : 0;
  let max = all.length ? Math.max(...all) : 0;
  if (min === max) {
    // A flat line sits in the middle rather than on an edge.
    min -= Math.abs(min) * 0.1 || 1;
    max += Math.abs(max) * 0.1 || 1;
  }
  const span = max - min;
  const paths = series.map((s) => {
    const last = Math.max(1, s.values.length - 1);
    const points = s.values
      .map((v, i) => `${round((i / last) * width)},${round(height - ((v - min) / span) * height)}`)
      .join(' ');
    return { name: s.name, color: s.color, points };
  });
  return { min, max, paths };
}

/** The index of the value under an x position in a box of the given width. */
export function indexAt(x: number, width: number, count: number): number {
  if (count <= 1 || width <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.round((x / width) * (count - 1))));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
