import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('messages', () => {
  it('have the same keys in Chinese and English, so no screen falls back half-translated', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it('use the same placeholders in both languages', () => {
    const placeholders = (m: object) =>
      Object.fromEntries(
        keys(m).map((k) => [k, (k.split('.').reduce((o: any, p) => o[p], m) as string).match(/\{\w+\}/g)?.sort() ?? []]),
      );
    expect(placeholders(en)).toEqual(placeholders(zhCN));
  });
});
