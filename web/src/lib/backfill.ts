// The pieces of the PC backfill grid that are pure logic: reading a block pasted from Excel,
// reading kinds, times and attendee names as people type them, and placing the batch API's
// per-row errors (visits[3].occurred_at) back on their rows and cells.
import { visitKinds, type VisitKind } from '@/api/types';

/** The pasted columns, in order (the grid's column order, as the header row of the template). */
export const backfillColumns = ['client', 'kind', 'occurred_at', 'attendees', 'notes', 'next_step', 'follow_up_date'] as const;
export type BackfillColumn = (typeof backfillColumns)[number];

/** Tab-separated rows as Excel and WPS put them on the clipboard; quoted cells may hold line breaks. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

/** A kind as typed: its code (call) or its label in either language (电话, Call). */
export function kindOf(text: string, labels: Record<VisitKind, string>[]): VisitKind | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return undefined;
  for (const k of visitKinds) {
    if (k === t) return k;
    if (labels.some((l) => l[k].toLowerCase() === t)) return k;
  }
  return undefined;
}

/** "2026-11-20 15:00", "2026/11/20 15:00", "2026-11-20T15:00:30" → "2026-11-20T15:00" (company time). */
export function timeOf(text: string): string | undefined {
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?\s*$/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '09', mi = '00'] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d || +h > 23) return undefined;
  const pad = (v: string) => v.padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${mi}`;
}

/** "2026-11-27" or "2026/11/27" → "2026-11-27"; blank → ''; otherwise undefined. */
export function dayOf(text: string): string | undefined {
  if (!text.trim()) return '';
  const t = timeOf(text);
  return t && /^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$/.test(text) ? t.slice(0, 10) : undefined;
}

/** Attendee names as typed: separated by 、 , ， ; ； or spaces. */
export function namesOf(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** "visits[3].attendee_ids[0]" → { row: 3, field: "attendee_ids" }. */
export function batchErrorPlace(field: string): { row: number; field: string } | undefined {
  const m = /^visits\[(\d+)\](?:\.([a-z_]+))?/.exec(field);
  return m ? { row: Number(m[1]), field: m[2] ?? 'row' } : undefined;
}
