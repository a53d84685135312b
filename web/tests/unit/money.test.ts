import { describe, expect, it } from 'vitest';
import { formatAmount, formatExactAmount } from '@/lib/money';

describe('formatAmount', () => {
  it('reads 万 and 亿 in Chinese', () => {
    expect(formatAmount('125000000.00', 'zh-CN')).toBe('1.25亿');
    expect(formatAmount('32000000', 'zh-CN')).toBe('3,200.00万');
    expect(formatAmount('9999.5', 'zh-CN')).toBe('9,999.50');
    expect(formatAmount('10000000000', 'zh-CN')).toBe('100.00亿');
  });
  it('reads thousands, millions and billions in English', () => {
    expect(formatAmount('125000000.00', 'en')).toBe('125.00M');
    expect(formatAmount('32000', 'en')).toBe('32.00K');
    expect(formatAmount('2500000000', 'en')).toBe('2.50B');
    expect(formatAmount('999', 'en')).toBe('999.00');
  });
  it('keeps the sign of net outflows and marks missing amounts', () => {
    expect(formatAmount('-50000000', 'zh-CN')).toBe('-5,000.00万');
    expect(formatAmount(null, 'en')).toBe('—');
    expect(formatAmount('', 'zh-CN')).toBe('—');
  });
});

describe('formatExactAmount', () => {
  it('groups the whole part and keeps every decimal', () => {
    expect(formatExactAmount('1234567.89')).toBe('1,234,567.89');
    expect(formatExactAmount('-1000')).toBe('-1,000');
    expect(formatExactAmount('12')).toBe('12');
  });
});
