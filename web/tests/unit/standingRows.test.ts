import { describe, expect, it } from 'vitest';
import { mergeRows, neighbourhood, nextOffset, rowKey, topRows, withGaps } from '@/lib/standingRows';

const at = (position: number, subject_id: number | null = position + 100) => ({ position, subject_id });
const shape = (lines: ReturnType<typeof withGaps>) => lines.map((l) => (l.gap ? '…' : String(l.row.position)));

describe('a board\'s rows with places left out', () => {
  it('puts a gap between positions that do not follow each other, and none elsewhere', () => {
    expect(shape(withGaps([at(0), at(1), at(2)]))).toEqual(['0', '1', '2']);
    // public_top 1: the top row, then positions 5–9 around me at 7.
    expect(shape(withGaps([at(0), at(5), at(6), at(7), at(8), at(9)]))).toEqual(['0', '…', '5', '6', '7', '8', '9']);
    // My row pinned under the first page.
    expect(shape(withGaps([at(0), at(1), at(40)]))).toEqual(['0', '1', '…', '40']);
    // Right after the page: nothing is left out.
    expect(shape(withGaps([at(0), at(1), at(2)]))).not.toContain('…');
    expect(withGaps([])).toEqual([]);
  });

  it('keys rows by whom they rank, or by place when that is hidden; gaps apart from rows', () => {
    expect(rowKey(at(3, 17))).toBe('s17');
    expect(rowKey(at(3, null))).toBe('p3');
    const keys = withGaps([at(0, null), at(4, null), at(5, 9)]).map((l) => l.key);
    expect(keys).toEqual(['p0', 'gap-4', 'p4', 's9']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('merges two reads in order, each position once, the later one winning', () => {
    const first = [{ position: 0, v: 'a' }, { position: 1, v: 'b' }];
    const later = [{ position: 6, v: 'g' }, { position: 1, v: 'B' }, { position: 5, v: 'f' }];
    expect(mergeRows(first, later)).toEqual([{ position: 0, v: 'a' }, { position: 1, v: 'B' }, { position: 5, v: 'f' }, { position: 6, v: 'g' }]);
  });

  it('puts only the top places on the podium', () => {
    expect(topRows([at(0), at(5), at(6)], 3).map((r) => r.position)).toEqual([0]);
    expect(topRows([at(0), at(1), at(2), at(3)], 3).map((r) => r.position)).toEqual([0, 1, 2]);
  });
});

describe('reading a board page by page', () => {
  it('reads on to the end of a board shown whole', () => {
    expect(nextOffset(50, 120, null)).toBe(50);
    expect(nextOffset(120, 120, null)).toBeNull();
    expect(nextOffset(50, 50, null)).toBeNull();
  });

  it('stops at a clipped board\'s top N (my neighbourhood comes with the first page)', () => {
    expect(nextOffset(50, 500, 100)).toBe(50);
    expect(nextOffset(100, 500, 100)).toBeNull();
    expect(nextOffset(50, 500, 10)).toBeNull();
    expect(nextOffset(50, 30, 100)).toBeNull();
  });

  it('reads my neighbourhood apart only when the first page does not hold it', () => {
    expect(neighbourhood(120, 50)).toEqual({ offset: 118, limit: 5 });
    expect(neighbourhood(20, 50)).toBeNull();
    expect(neighbourhood(47, 50)).toBeNull(); // 45–49: all on the page
    expect(neighbourhood(49, 50)).toEqual({ offset: 50, limit: 2 }); // 50 and 51 are not
  });
});
