// Amounts as the users read them: 万 and 亿 in Chinese (1.25亿, 3,200万), thousands and millions
// in English (125.0M, 32.0K). Money arrives from the API as exact decimal strings; only the
// display is rounded.

export type Locale = 'zh-CN' | 'en';

function toNumber(amount: string | number): number {
  return typeof amount === 'number' ? amount : Number(amount);
}

function fixed(value: number, digits: number, locale: Locale): string {
  return value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A short amount for cards and tables, e.g. "1.25亿" or "125.00M". */
export function formatAmount(amount: string | number | null | undefined, locale: Locale): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = toNumber(amount);
  if (!Number.isFinite(value)) return String(amount);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${fixed(abs / 1e8, 2, locale)}亿`;
    if (abs >= 1e4) return `${sign}${fixed(abs / 1e4, 2, locale)}万`;
    return `${sign}${fixed(abs, 2, locale)}`;
  }
  if (abs >= 1e9) return `${sign}${fixed(abs / 1e9, 2, locale)}B`;
  if (abs >= 1e6) return `${sign}${fixed(abs / 1e6, 2, locale)}M`;
  if (abs >= 1e3) return `${sign}${fixed(abs / 1e3, 2, locale)}K`;
  return `${sign}${fixed(abs, 2, locale)}`;
}

/** The exact amount with thousands separators, for tooltips and detail rows. */
export function formatExactAmount(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}
