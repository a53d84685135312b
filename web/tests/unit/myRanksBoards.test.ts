import { describe, expect, it } from 'vitest';
import { boardsForMyRanks, type BuiltInBoard } from '@/api/boardTypes';

const board = (id: number, built_in: BuiltInBoard | null = null) => ({ id, built_in });

describe('the boards "my ranks" asks about', () => {
  it('are those managers made first, then Laurel\'s own, each in the list\'s order', () => {
    const boards = [board(1), board(2), board(5, 'campaign_achievement'), board(6, 'campaign_achievement'), board(9, 'client_target_achievement'), board(10), board(11)];
    expect(boardsForMyRanks(boards, 6).map((b) => b.id)).toEqual([1, 2, 10, 11, 5, 6]);
    expect(boardsForMyRanks(boards, 2).map((b) => b.id)).toEqual([1, 2]);
  });
  it('are Laurel\'s own when there are no others', () => {
    expect(boardsForMyRanks([board(5, 'campaign_achievement')], 6).map((b) => b.id)).toEqual([5]);
    expect(boardsForMyRanks([], 6)).toEqual([]);
  });
});
