import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '@/lib/amountInput';

describe('parseAmountInput', () => {
  it('reads plain yuan with or without separators', () => {
    expect(parseAmountInput('12,000,000')).toBe('12000000.00');
    expect(parseAmountInput(' 1234.5 ')).toBe('1234.50');
    expect(parseAmountInput('88元')).toBe('88.00');
  });
  it('reads 万 and 亿 exactly, without floating-point drift', () => {
    expect(parseAmountInput('5000万')).toBe('50000000.00');
    expect(parseAmountInput('0.1亿')).toBe('10000000.00');
    expect(parseAmountInput('1.23456789亿')).toBe('123456789.00');
  });
  it('reads K, M and B in either case', () => {
    expect(parseAmountInput('500k')).toBe('500000.00');
    expect(parseAmountInput('3.5M')).toBe('3500000.00');
    expect(parseAmountInput('2b')).toBe('2000000000.00');
  });
  it('keeps a sign for net amounts and drops it from zero', () => {
    expect(parseAmountInput('-200万')).toBe('-2000000.00');
    expect(parseAmountInput('-0')).toBe('0.00');
  });
  it('refuses what it cannot read, and amounts finer than a fen', () => {
    expect(parseAmountInput('')).toBeNull();
    expect(parseAmountInput('abc')).toBeNull();
    expect(parseAmountInput('1.2.3')).toBeNull();
    expect(parseAmountInput('0.001')).toBeNull();
    expect(parseAmountInput('5千万')).toBeNull();
  });
});
