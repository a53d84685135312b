// A form's save: the API's field errors land beside their fields, anything else in one message
// at the top of the form; the button shows it is busy so a double click never saves twice.
import { ref } from 'vue';
import { ApiError, NetworkError, type FieldErrors } from '@/api/problem';

export function useSubmit() {
  const submitting = ref(false);
  const errors = ref<FieldErrors>({});
  const formError = ref<string | null>(null);

  function reset(): void {
    errors.value = {};
    formError.value = null;
  }

  /** Runs `action`; its result, or undefined when it failed (the errors are then set). */
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (submitting.value) return undefined;
    reset();
    submitting.value = true;
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.field) errors.value = { [fieldKey(error.field)]: error.message };
      else if (error instanceof NetworkError) formError.value = 'offline';
      else formError.value = error instanceof Error ? error.message : String(error);
      return undefined;
    } finally {
      submitting.value = false;
    }
  }

  return { submitting, errors, formError, run, reset };
}

/** "product_ids[2]" is about the product_ids field; "rows[7].name" stays as it is for imports. */
function fieldKey(field: string): string {
  return field.startsWith('rows[') ? field : field.replace(/\[\d+\]$/, '');
}
