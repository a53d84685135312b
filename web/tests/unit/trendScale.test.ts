import { describe, expect, it } from 'vitest';
import { indexAt, trendGeometry } from '@/lib/trendScale';

describe('trendGeometry', () => {
  it('scales every series into the box on one shared axis', () => {
    const g = trendGeometry(
      [
        { name: 'total', color: '#000', values: [100, 200, 300] },
        { name: 'excluding', color: '#111', values: [100, 100, 200] },
      ],
      100,
      50,
    );
    expect(g.min).toBe(100);
    expect(g.max).toBe(300);
    expect(g.paths[0].points).toBe('0,50 50,25 100,0');
    expect(g.paths[1].points).toBe('0,50 50,50 100,25');
  });
  it('puts a flat line in the middle, not on an edge', () => {
    const g = trendGeometry([{ name: 'flat', color: '#000', values: [500, 500] }], 100, 50);
    expect(g.paths[0].points).toBe('0,25 100,25');
  });
  it('draws nothing odd for no data', () => {
    const g = trendGeometry([{ name: 'none', color: '#000', values: [] }], 100, 50);
    expect(g.paths[0].points).toBe('');
  });
});

describe('indexAt', () => {
  it('finds the nearest day under a finger and stays inside the data', () => {
    expect(indexAt(0, 320, 365)).toBe(0);
    expect(indexAt(160, 320, 365)).toBe(182);
    expect(indexAt(400, 320, 365)).toBe(364);
    expect(indexAt(-5, 320, 365)).toBe(0);
    expect(indexAt(100, 320, 1)).toBe(0);
  });
});
