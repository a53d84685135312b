// A list's "new" and "change" dialog: opening it for a new record or one of the list's, saving
// it (POST to the list's path, or PUT to the record's), and putting what Laurel answered back in
// the list — added at the end, or in the place of the record it changed.
import { ref, type Ref } from 'vue';
import { post, put } from '@/api/client';
import { useSubmit } from '@/composables/useSubmit';

export function useRecordDialog<T extends { id: number }>(items: Ref<T[]>, path: string) {
  const editing = ref<T | null>(null) as Ref<T | null>;
  const open = ref(false);
  const save = useSubmit();

  /** Opens the dialog for `record` (null: a new one) after `fill` has set the form. */
  function start(record: T | null, fill: () => void): void {
    save.reset();
    editing.value = record;
    fill();
    open.value = true;
  }

  /** Saves `body`; `shown` turns the answer into the list's row (e.g. keeps what only the list has). */
  async function submit(body: unknown, shown: (saved: T, before: T | null) => T = (saved) => saved): Promise<T | undefined> {
    const before = editing.value;
    const saved = await save.run(() => (before ? put<T>(`${path}/${before.id}`, body) : post<T>(path, body)));
    if (!saved) return undefined;
    open.value = false;
    const row = shown(saved, before);
    items.value = before ? items.value.map((i) => (i.id === before.id ? row : i)) : [...items.value, row];
    return saved;
  }

  return { editing, open, save, start, submit };
}
