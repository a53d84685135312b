import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/problem';
import { errorField, errorsByLine, rowErrorsOf, rowsBody, rowValue, type RowLine } from '@/lib/manualRows';

const line = (key: number, subjectId: number | null, value: string, note = ''): RowLine => ({ key, subjectId, value, note });

describe('manual rows as the form sends them', () => {
  it('sends yuan as exact decimal strings, typed the way managers type them', () => {
    expect(rowValue('1200.5', true)).toBe('1200.50');
    expect(rowValue('5000万', true)).toBe('50000000.00');
    expect(rowValue(' 12,000 ', true)).toBe('12000.00');
  });
  it('sends counts as integers', () => {
    expect(rowValue('12', false)).toBe(12);
    expect(rowValue('1,200', false)).toBe(1200);
  });
  it('sends what it cannot read as typed, for the API to list with the other rows', () => {
    expect(rowValue('abc', true)).toBe('abc');
    expect(rowValue('1.5', false)).toBe('1.5');
    expect(rowValue('', false)).toBe('');
    expect(rowValue('99999999999999999999', false)).toBe('99999999999999999999');
  });
  it('leaves blank lines out and remembers which line each row sent came from', () => {
    const { body, sent } = rowsBody([line(1, 5, '1200', ' 季度补录 '), line(2, null, ''), line(3, 7, 'abc'), line(4, null, '3')], true);
    expect(body).toEqual({
      rows: [
        { subject_id: 5, value: '1200.00', note: '季度补录' },
        { subject_id: 7, value: 'abc' },
        { subject_id: null, value: '3.00' },
      ],
    });
    expect(sent).toEqual([1, 3, 4]);
  });
});

describe('the rows the API refused', () => {
  const refused = (status: number, errors?: unknown) =>
    new ApiError(status, { type: 'x', title: 'Invalid rows', status, ...(errors ? { errors } : {}) } as never);

  it('are read from a 422 problem, and only from one', () => {
    const errors = [{ line: 2, field: 'value', message: 'not an amount' }];
    expect(rowErrorsOf(refused(422, errors))).toEqual(errors);
    expect(rowErrorsOf(refused(422))).toBeNull();
    expect(rowErrorsOf(refused(400, errors))).toBeNull();
    expect(rowErrorsOf(new Error('boom'))).toBeNull();
  });
  it('land on the lines they are about, counted over the rows sent', () => {
    const byLine = errorsByLine(
      [
        { line: 2, field: 'value', message: 'not an amount' },
        { line: 3, field: 'subject_id', message: 'no such staff' },
        { line: 2, field: 'note', message: 'too long' },
        { line: 9, field: 'rows', message: '?' },
      ],
      [1, 3, 4],
    );
    expect(byLine.get(3)?.map((e) => e.field)).toEqual(['value', 'note']);
    expect(byLine.get(4)?.map((e) => e.message)).toEqual(['no such staff']);
    expect(byLine.has(1)).toBe(false);
    expect(byLine.get(null)?.length).toBe(1);
  });
  it('name their column', () => {
    expect(errorField('rows[2].value')).toBe('value');
    expect(errorField('subject_id')).toBe('subject_id');
    expect(errorField('姓名')).toBe('姓名');
    expect(errorField(undefined)).toBe('');
  });
});
