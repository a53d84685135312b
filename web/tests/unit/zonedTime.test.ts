import { describe, expect, it } from 'vitest';
import { formatDay, offsetMinutes, toZonedInput, zonedDate, zonedInputToRfc3339 } from '@/lib/zonedTime';

describe('company time zone', () => {
  it('turns a wall-clock time in Asia/Shanghai into RFC 3339 with its offset', () => {
    expect(zonedInputToRfc3339('2026-11-23T10:30', 'Asia/Shanghai')).toBe('2026-11-23T10:30:00+08:00');
  });
  it('takes the offset in force on the day in zones with daylight saving', () => {
    expect(zonedInputToRfc3339('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T09:00:00+01:00');
    expect(zonedInputToRfc3339('2026-12-01T09:00', 'Europe/London')).toBe('2026-12-01T09:00:00+00:00');
    expect(zonedInputToRfc3339('2026-03-08T01:30', 'America/New_York')).toBe('2026-03-08T01:30:00-05:00');
    expect(zonedInputToRfc3339('2026-03-08T03:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
  });
  it('refuses what is not a datetime-local value', () => {
    expect(zonedInputToRfc3339('', 'Asia/Shanghai')).toBeNull();
    expect(zonedInputToRfc3339('23/11/2026 10:30', 'Asia/Shanghai')).toBeNull();
  });
  it('reads an instant as the company day, not the browser day', () => {
    const lateEveningUtc = new Date('2026-11-30T17:30:00Z'); // 01:30 on 1 December in Shanghai
    expect(zonedDate(lateEveningUtc, 'Asia/Shanghai')).toBe('2026-12-01');
    expect(toZonedInput(lateEveningUtc, 'Asia/Shanghai')).toBe('2026-12-01T01:30');
    expect(offsetMinutes(lateEveningUtc, 'Asia/Shanghai')).toBe(480);
  });
  it('round-trips an instant through the form field', () => {
    const instant = new Date('2026-06-15T02:05:00Z');
    const field = toZonedInput(instant, 'Asia/Shanghai');
    expect(new Date(zonedInputToRfc3339(field, 'Asia/Shanghai')!).getTime()).toBe(instant.getTime());
  });
  it('shows a calendar day without shifting it by the browser zone', () => {
    expect(formatDay('2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatDay('2026-12-01', 'zh-CN')).toBe('2026年12月1日');
  });
});
