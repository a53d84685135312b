import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '@/api/problem';
import { useSubmit } from '@/composables/useSubmit';

const problem = (field: string | undefined, detail: string) =>
  new ApiError(400, { type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400, field, detail });

describe('useSubmit', () => {
  it('puts an API error beside the field it names, an item of a list beside the list', async () => {
    const { run, errors, formError } = useSubmit();
    expect(await run(() => Promise.reject(problem('product_ids[2]', 'unknown product')))).toBeUndefined();
    expect(errors.value).toEqual({ product_ids: 'unknown product' });
    expect(formError.value).toBeNull();
  });
  it("keeps an import's row and column as they are", async () => {
    const { run, errors } = useSubmit();
    await run(() => Promise.reject(problem('rows[7].registration_code', 'line 7: not a valid code')));
    expect(errors.value).toEqual({ 'rows[7].registration_code': 'line 7: not a valid code' });
  });
  it('shows other failures above the form, and the network being down as such', async () => {
    const { run, errors, formError } = useSubmit();
    await run(() => Promise.reject(problem(undefined, 'the database is busy')));
    expect(formError.value).toBe('the database is busy');
    await run(() => Promise.reject(new NetworkError(new TypeError('fetch failed'))));
    expect(formError.value).toBe('offline');
    expect(errors.value).toEqual({});
  });
  it('clears old errors on the next try and never runs twice at once', async () => {
    const { run, errors, submitting } = useSubmit();
    await run(() => Promise.reject(problem('name', 'is taken')));
    let release: (v: string) => void = () => {};
    const first = run(() => new Promise<string>((resolve) => (release = resolve)));
    expect(submitting.value).toBe(true);
    expect(errors.value).toEqual({});
    expect(await run(() => Promise.resolve('second'))).toBeUndefined(); // a double click
    release('saved');
    expect(await first).toBe('saved');
    expect(submitting.value).toBe(false);
  });
});
