import { describe, expect, it } from 'vitest';
import { batchErrorPlace, dayOf, kindOf, namesOf, parseTsv, timeOf } from '@/lib/backfill';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';

describe('parseTsv', () => {
  it('reads rows and cells as Excel copies them, dropping blank lines', () => {
    expect(parseTsv('招商银行\t电话\t2026-11-20 15:00\r\n平安银行\t会议\t2026-11-21 10:00\r\n\r\n')).toEqual([
      ['招商银行', '电话', '2026-11-20 15:00'],
      ['平安银行', '会议', '2026-11-21 10:00'],
    ]);
  });
  it('keeps line breaks and quotes inside a quoted cell', () => {
    expect(parseTsv('a\t"第一行\n第二行 ""引用"""\tc\n')).toEqual([['a', '第一行\n第二行 "引用"', 'c']]);
  });
  it('keeps empty cells in their place', () => {
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
  });
});

describe('cell readers', () => {
  const labels = [zhCN.enums.visitKind, en.enums.visitKind];
  it('read a kind by code or by its label in either language', () => {
    expect(kindOf('电话', labels)).toBe('call');
    expect(kindOf('Roadshow', labels)).toBe('roadshow');
    expect(kindOf('online', labels)).toBe('online');
    expect(kindOf('飞鸽传书', labels)).toBeUndefined();
  });
  it('read times in the usual spellings and refuse impossible days', () => {
    expect(timeOf('2026-11-20 15:00')).toBe('2026-11-20T15:00');
    expect(timeOf('2026/1/5 9:05')).toBe('2026-01-05T09:05');
    expect(timeOf('2026-11-20T15:00:30')).toBe('2026-11-20T15:00');
    expect(timeOf('2026-11-20')).toBe('2026-11-20T09:00');
    expect(timeOf('2026-02-30 10:00')).toBeUndefined();
    expect(timeOf('2026-11-20 25:00')).toBeUndefined();
    expect(timeOf('昨天下午')).toBeUndefined();
  });
  it('read follow-up days, blank meaning none', () => {
    expect(dayOf('2026/11/27')).toBe('2026-11-27');
    expect(dayOf('')).toBe('');
    expect(dayOf('2026-11-27 10:00')).toBeUndefined();
  });
  it('split attendee names on Chinese and English separators', () => {
    expect(namesOf('张总、李经理，王敏; Zhao')).toEqual(['张总', '李经理', '王敏', 'Zhao']);
    expect(namesOf('  ')).toEqual([]);
  });
  it('place batch errors on their row and member', () => {
    expect(batchErrorPlace('visits[3].occurred_at')).toEqual({ row: 3, field: 'occurred_at' });
    expect(batchErrorPlace('visits[0].attendee_ids[2]')).toEqual({ row: 0, field: 'attendee_ids' });
    expect(batchErrorPlace('visits[7]')).toEqual({ row: 7, field: 'row' });
    expect(batchErrorPlace('body')).toBeUndefined();
  });
});
