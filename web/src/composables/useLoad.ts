// A page's data as one of loading / error / loaded, with a retry: every page shows all three.
import { ref, shallowRef, type Ref } from 'vue';

export interface Load<T> {
  data: Ref<T | null>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  reload: () => Promise<void>;
}

export function useLoad<T>(fetcher: (signal: AbortSignal) => Promise<T>): Load<T> {
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  async function reload(): Promise<void> {
    controller?.abort(); // the newest request wins, e.g. while typing a search
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    error.value = null;
    try {
      const result = await fetcher(mine.signal);
      if (controller === mine) data.value = result;
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      if (controller === mine) error.value = e;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  return { data, loading, error, reload };
}
