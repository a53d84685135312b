import { describe, expect, it } from 'vitest';
import { boardIds, choiceFromQuery, clampEvery, queryOf, readSaved, slideAt } from '@/lib/tvShow';

describe('TV mode\'s choice', () => {
  it('is read from a bookmarked address: boards in the order given, seconds per board, sound', () => {
    expect(choiceFromQuery({ boards: '3,1', every: '30' })).toEqual({ boards: [3, 1], every: 30, sound: false });
    expect(choiceFromQuery({ boards: '7', sound: '1' })).toEqual({ boards: [7], every: 20, sound: true });
    expect(choiceFromQuery({ boards: ['2,2,x,-1, 5 '], every: ['9'] })).toEqual({ boards: [2, 5], every: 9, sound: false });
  });
  it('is no choice at all without boards (the setup panel then)', () => {
    expect(choiceFromQuery({})).toBeNull();
    expect(choiceFromQuery({ boards: 'abc', every: '20' })).toBeNull();
  });
  it('keeps each board at least 5 seconds, 20 when unreadable', () => {
    expect(clampEvery('2')).toBe(5);
    expect(clampEvery(12.4)).toBe(12);
    expect(clampEvery('')).toBe(20);
    expect(clampEvery('soon')).toBe(20);
    expect(clampEvery(null)).toBe(20);
    expect(clampEvery(10 ** 9)).toBe(3600);
  });
  it('writes the address it was read from', () => {
    const choice = { boards: [1, 3], every: 20, sound: true };
    expect(queryOf(choice)).toEqual({ boards: '1,3', every: '20', sound: '1' });
    expect(choiceFromQuery(queryOf(choice))).toEqual(choice);
    expect(queryOf({ ...choice, sound: false })).toEqual({ boards: '1,3', every: '20' });
  });
  it('comes back from storage, whatever was left there', () => {
    expect(readSaved(JSON.stringify({ boards: [4, 2], every: 15, sound: true, running: true }))).toEqual({ boards: [4, 2], every: 15, sound: true, running: true });
    expect(readSaved(JSON.stringify({ boards: '4', every: 1 }))).toEqual({ boards: [4], every: 5, sound: false, running: false });
    expect(readSaved('{broken')).toBeNull();
    expect(readSaved('null')).toBeNull();
    expect(readSaved(null)).toBeNull();
    expect(boardIds(undefined)).toEqual([]);
  });
});

describe('the rotation', () => {
  const start = 1_000_000;
  it('shows each board for its seconds, in turn, and starts over', () => {
    expect(slideAt(start, start, 20, 3)).toEqual({ index: 0, progress: 0, turn: 0 });
    expect(slideAt(start, start + 5_000, 20, 3)).toEqual({ index: 0, progress: 0.25, turn: 0 });
    expect(slideAt(start, start + 20_000, 20, 3).index).toBe(1);
    expect(slideAt(start, start + 59_999, 20, 3).index).toBe(2);
    expect(slideAt(start, start + 60_000, 20, 3)).toEqual({ index: 0, progress: 0, turn: 3 });
  });
  it('follows the clock, so a tab that slept or a read that hung does not hold it up', () => {
    expect(slideAt(start, start + 3_600_000 + 10_000, 20, 3)).toEqual({ index: 0, progress: 0.5, turn: 180 });
  });
  it('counts a new turn for a single board (each one reads it again)', () => {
    expect(slideAt(start, start + 25_000, 20, 1)).toEqual({ index: 0, progress: 0.25, turn: 1 });
  });
  it('is at the start for a clock set back, and harmless with no board', () => {
    expect(slideAt(start, start - 5_000, 20, 3)).toEqual({ index: 0, progress: 0, turn: 0 });
    expect(slideAt(start, start + 5_000, 20, 0).index).toBe(0);
  });
});
