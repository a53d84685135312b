import { describe, expect, it } from 'vitest';
import { exportPath, fallbackName, fileNameOf } from '@/lib/boardExport';

describe('a board\'s export', () => {
  it('asks for the period shown, or the snapshot chosen instead, in the UI\'s language', () => {
    expect(exportPath({ boardId: 5, period: '2026-03', snapshotId: null }, 'xlsx', 'zh-CN')).toBe(
      '/api/v1/boards/5/export?period=2026-03&format=xlsx&lang=zh-CN',
    );
    expect(exportPath({ boardId: 5, period: '2026-W09', snapshotId: null }, 'csv', 'en')).toBe(
      '/api/v1/boards/5/export?period=2026-W09&format=csv&lang=en',
    );
    expect(exportPath({ boardId: 5, period: '2026-03', snapshotId: 12 }, 'xlsx', 'en')).toBe('/api/v1/snapshots/12/export?format=xlsx&lang=en');
  });

  it('saves under the name the server gives', () => {
    expect(fileNameOf('attachment; filename="board-5-2026-03.xlsx"')).toBe('board-5-2026-03.xlsx');
    expect(fileNameOf('attachment; filename=snapshot-12-2026-03.csv')).toBe('snapshot-12-2026-03.csv');
    expect(fileNameOf('attachment; filename="x.csv"; filename*=UTF-8\'\'%E6%A6%9C.csv')).toBe('榜.csv');
    expect(fileNameOf('attachment; filename="../../etc/board.xlsx"')).toBe('board.xlsx');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });

  it('names the file itself when the server does not', () => {
    expect(fallbackName({ boardId: 5, period: '2026-03', snapshotId: null }, 'xlsx')).toBe('board-5-2026-03.xlsx');
    expect(fallbackName({ boardId: 5, period: '2026-03', snapshotId: 12 }, 'csv')).toBe('snapshot-12.csv');
  });
});
