// A board's export (managers): the live standings of one period, or a snapshot, as XLSX or CSV,
// headers in the UI's language. The file comes through fetch (api/client.ts fetchFile), so an
// error is shown on the page rather than downloaded; it is then saved through an object URL.
import type { Locale } from '@/lib/money';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportWhat {
  boardId: number;
  /** The period shown (live standings). */
  period: string;
  /** The snapshot chosen in the picker: exported instead of the live standings. */
  snapshotId: number | null;
}

export function exportPath(what: ExportWhat, format: ExportFormat, lang: Locale): string {
  const q = new URLSearchParams();
  if (what.snapshotId === null) q.set('period', what.period);
  q.set('format', format);
  q.set('lang', lang);
  const base = what.snapshotId === null ? `/api/v1/boards/${what.boardId}` : `/api/v1/snapshots/${what.snapshotId}`;
  return `${base}/export?${q}`;
}

/** The name to save under when the answer names none (the server's pattern, less the period). */
export const fallbackName = (what: ExportWhat, format: ExportFormat): string =>
  what.snapshotId === null ? `board-${what.boardId}-${what.period}.${format}` : `snapshot-${what.snapshotId}.${format}`;

/** The file name a Content-Disposition header gives (filename*= first), without any folders. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) name = /filename\s*=\s*"([^"]*)"/.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/.exec(header)?.[1] ?? null;
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/** Hands the file to the browser as a download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
