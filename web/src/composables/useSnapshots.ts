// A board's snapshots as its page shows them: the picker's list (newest first, a page at a time)
// and the one chosen (?snapshot=), frozen, with whether later records have changed its period
// since. Live: while one is shown, a board_changed about its period reads it again (until it is
// known to have changed), so the notice appears without a reload.
import { ref, type Ref } from 'vue';
import { get } from '@/api/client';
import { touches, type Snapshot, type SnapshotSummary } from '@/api/boardTypes';
import type { Page } from '@/api/types';
import { useLive } from '@/composables/useLive';
import { useLoad } from '@/composables/useLoad';

const LIST_SIZE = 20;

export function useSnapshots(boardId: () => number, chosen: () => number | null) {
  const items = ref([]) as Ref<SnapshotSummary[]>;
  const cursor = ref<string | null>(null);
  const path = () => `/api/v1/boards/${boardId()}/snapshots`;

  const list = useLoad(async (signal) => {
    const page = await get<Page<SnapshotSummary>>(path(), { limit: LIST_SIZE }, signal);
    items.value = page.items;
    cursor.value = page.next_cursor;
    return page;
  });
  const more = useLoad(async (signal) => {
    const page = await get<Page<SnapshotSummary>>(path(), { limit: LIST_SIZE, cursor: cursor.value }, signal);
    items.value = [...items.value, ...page.items];
    cursor.value = page.next_cursor;
    return page;
  });
  const frozen = useLoad(async (signal) => {
    const id = chosen();
    return id ? get<Snapshot>(`/api/v1/snapshots/${id}`, undefined, signal) : null;
  });

  useLive({
    boardChanged(change) {
      const shown = frozen.data.value;
      if (shown && chosen() === shown.id && !shown.changed_since && touches(change, boardId(), shown.period)) void frozen.reload();
    },
    resync: () => {
      if (chosen() !== null) void frozen.reload();
    },
  });

  return { items, cursor, list, more, frozen };
}
