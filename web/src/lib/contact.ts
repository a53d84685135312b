// A key person's contact details on one line: phone · email · WeChat (masked ones as the API
// answers them).
import type { KeyPerson } from '@/api/types';

export function contactOf(p: KeyPerson): string {
  return [p.phone, p.email, p.wechat].filter(Boolean).join(' · ');
}
