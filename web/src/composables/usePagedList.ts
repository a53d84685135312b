// A list read page by page (the API's cursor), with "load more".
import { ref, type Ref } from 'vue';
import { get, type Query } from '@/api/client';
import type { Page } from '@/api/types';
import { useLoad } from '@/composables/useLoad';

export function usePagedList<T>(path: string, query: () => Query) {
  const items = ref([]) as Ref<T[]>;
  const cursor = ref<string | null>(null);
  const first = useLoad(async (signal) => {
    const page = await get<Page<T>>(path, { ...query() }, signal);
    items.value = page.items;
    cursor.value = page.next_cursor;
    return page;
  });
  const more = useLoad(async (signal) => {
    const page = await get<Page<T>>(path, { ...query(), cursor: cursor.value }, signal);
    items.value = [...items.value, ...page.items];
    cursor.value = page.next_cursor;
    return page;
  });
  return { items, cursor, first, more };
}
