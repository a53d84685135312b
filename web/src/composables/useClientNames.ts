// Names of the clients a list refers to by id (targets, opportunities): each is asked for once,
// as the list shows it; until then, and if it cannot be read, the id stands in.
import { reactive } from 'vue';
import { get } from '@/api/client';
import type { Client } from '@/api/types';

const names = reactive(new Map<number, string>());
const asked = new Set<number>();

export function useClientNames() {
  function clientName(id: number | null | undefined): string {
    if (id == null) return '—';
    if (!asked.has(id)) {
      asked.add(id);
      get<Client>(`/api/v1/clients/${id}`)
        .then((c) => names.set(id, c.short_name ?? c.name))
        .catch(() => asked.delete(id));
    }
    return names.get(id) ?? `#${id}`;
  }
  return { clientName };
}
