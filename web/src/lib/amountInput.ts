// Amounts as managers type them into a form: "5000万", "1.2亿", "12,000,000", "3.5M", "500k".
// The answer is the API's exact decimal string in yuan with two decimals ("50000000.00"), worked
// out in integer fen so that "0.1亿" is exactly 10,000,000.00 and never 9,999,999.99.

const scales: Record<string, bigint> = {
  '': 1n,
  元: 1n,
  万: 10_000n,
  亿: 100_000_000n,
  k: 1_000n,
  m: 1_000_000n,
  b: 1_000_000_000n,
};

/** The typed amount as a decimal string in yuan, or null when it cannot be read or has sub-fen. */
export function parseAmountInput(text: string): string | null {
  const cleaned = text.replace(/[,，\s]/g, '').toLowerCase();
  const match = /^(-?)(\d+)(?:\.(\d+))?(万|亿|元|k|m|b)?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = '', unit = ''] = match;
  const scale = scales[unit];
  const digits = BigInt(whole + fraction) * scale * 100n;
  const divisor = 10n ** BigInt(fraction.length);
  if (digits % divisor !== 0n) return null; // finer than a fen
  const fen = digits / divisor;
  const yuan = fen / 100n;
  const cents = (fen % 100n).toString().padStart(2, '0');
  return `${sign && fen !== 0n ? '-' : ''}${yuan}.${cents}`;
}
