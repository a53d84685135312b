import { describe, expect, it } from 'vitest';
import en from '@/i18n/en';
import zhCN from '@/i18n/zh-CN';
import manageEn from '@/i18n/manage.en';
import manageZhCN from '@/i18n/manage.zh-CN';
import { preferredLocale } from '@/i18n';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('messages', () => {
  it('have the same keys in Chinese and English, so no screen falls back half-translated', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    expect(keys(manageEn).sort()).toEqual(keys(manageZhCN).sort());
  });
  it('keep the manager pages apart from the main messages: no key is defined twice', () => {
    const main = new Set(keys(en));
    expect(keys(manageEn).filter((k) => main.has(k))).toEqual([]);
  });
  it('use the same placeholders in both languages', () => {
    // Each placeholder once: an English plural ("… day | … days") repeats them, Chinese has one form.
    const placeholders = (m: object) =>
      Object.fromEntries(
        keys(m).map((k) => [k, [...new Set((k.split('.').reduce((o: any, p) => o[p], m) as string).match(/\{\w+\}/g))].sort()]),
      );
    expect(placeholders(en)).toEqual(placeholders(zhCN));
    expect(placeholders(manageEn)).toEqual(placeholders(manageZhCN));
  });
});

describe('preferredLocale', () => {
  it('keeps the choice made on the device', () => {
    expect(preferredLocale('en', 'zh-CN')).toBe('en');
    expect(preferredLocale('zh-CN', 'en-GB')).toBe('zh-CN');
  });
  it('otherwise follows an English browser, and is Chinese for every other language', () => {
    expect(preferredLocale(null, 'en-US')).toBe('en');
    expect(preferredLocale(null, 'zh-TW')).toBe('zh-CN');
    expect(preferredLocale(null, 'fr-FR')).toBe('zh-CN');
    expect(preferredLocale('garbage', '')).toBe('zh-CN');
  });
});
