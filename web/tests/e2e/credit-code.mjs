// Unified social credit codes with a valid check character (GB 32100-2015), for test clients.
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCode(body17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(body17[i]) * weights[i];
  return body17 + alphabet[(31 - (sum % 31)) % 31];
}
