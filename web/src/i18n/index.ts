// The UI's two languages: zh-CN (the default) and en. The choice is kept on the device.
import { createI18n } from 'vue-i18n';
import type { Locale } from '@/lib/money';
import en from './en';
import zhCN from './zh-CN';

const storageKey = 'laurel.locale';

/** The device's saved choice; else English for a browser set to English; else zh-CN. */
export function preferredLocale(saved: string | null, browserLanguage: string): Locale {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return /^en\b/i.test(browserLanguage) ? 'en' : 'zh-CN';
}

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  return preferredLocale(saved, typeof navigator !== 'undefined' ? navigator.language : '');
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(storageKey, locale);
  document.documentElement.lang = locale;
}
