// Manual rows as a manager types them into the board page's form, and the API's answer about
// them. The form's lines become the request body (blank lines left out, so the numbers the API
// gives its errors are counted over the rows sent, not the lines shown); a 422's errors are put
// back on the lines they are about, so the form keeps its content and each line says what is wrong.
import type { RowError } from '@/api/boardTypes';
import { ApiError } from '@/api/problem';
import { parseAmountInput } from '@/lib/amountInput';

export interface RowLine {
  /** Stable across adding and removing lines (Vue's key, and where errors land). */
  key: number;
  subjectId: number | null;
  value: string;
  note: string;
}

export interface RowsBody {
  rows: { subject_id: number | null; value: string | number; note?: string }[];
}

export const isBlankLine = (l: RowLine): boolean => l.subjectId === null && !l.value.trim() && !l.note.trim();

/**
 * A typed figure as the API takes it: yuan as an exact decimal string ("5000万" → "50000000.00"),
 * a count as an integer. Anything unreadable goes as typed, so that the API, which decides, lists
 * it with the other rows' problems instead of the form guessing half of them.
 */
export function rowValue(text: string, amounts: boolean): string | number {
  const typed = text.trim();
  if (amounts) return parseAmountInput(typed) ?? typed;
  const plain = typed.replace(/[,，]/g, '');
  return /^-?\d+$/.test(plain) && Number.isSafeInteger(Number(plain)) ? Number(plain) : typed;
}

/** The body to POST, and which line each row sent came from (in order). */
export function rowsBody(lines: RowLine[], amounts: boolean): { body: RowsBody; sent: number[] } {
  const used = lines.filter((l) => !isBlankLine(l));
  return {
    body: {
      rows: used.map((l) => ({
        subject_id: l.subjectId,
        value: rowValue(l.value, amounts),
        ...(l.note.trim() ? { note: l.note.trim() } : {}),
      })),
    },
    sent: used.map((l) => l.key),
  };
}

/** The rows a 422 refused, or null when the error is something else. */
export function rowErrorsOf(error: unknown): RowError[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const errors = error.problem.errors;
  return Array.isArray(errors) ? errors : null;
}

/**
 * The errors of a JSON body by the line they are about: `line` counts the rows sent from 1
 * (an error with a line outside them, if any, is kept apart under null).
 */
export function errorsByLine(errors: RowError[], sent: number[]): Map<number | null, RowError[]> {
  const byLine = new Map<number | null, RowError[]>();
  for (const e of errors) {
    const key = sent[e.line - 1] ?? null;
    byLine.set(key, [...(byLine.get(key) ?? []), e]);
  }
  return byLine;
}

/** "rows[2].value" or "value" → "value": the column an error names. */
export const errorField = (field: string | undefined): string => /(?:^|\.)([a-z_]+)$/i.exec(field ?? '')?.[1] ?? field ?? '';
