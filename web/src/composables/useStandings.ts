// One board's standings in one period, as its page shows them: the rows read so far (offset and
// limit, "load more"), my own row, and "N more to pass the one above". Live: when the stream
// says the board moved in this period (board_changed), or after a reconnect, both are read
// again — as many rows as are shown, so the list does not shrink under the reader's thumb.
// A board shown only to its top N (restricted) skips from the top to my neighbourhood: pages
// count positions, not rows shown, and my neighbourhood is read with the first page.
import { computed, ref, type Ref } from 'vue';
import { get } from '@/api/client';
import { touches, type MyStanding, type Standing, type Standings } from '@/api/boardTypes';
import { useLive } from '@/composables/useLive';
import { useLoad } from '@/composables/useLoad';
import { mergeRows, neighbourhood, nextOffset } from '@/lib/standingRows';

export const PAGE_SIZE = 50;
const MAX_LIMIT = 200; // the API's largest page

export function useStandings(boardId: () => number, period: () => string | undefined) {
  const rows = ref([]) as Ref<Standing[]>;
  const path = () => `/api/v1/boards/${boardId()}/standings`;

  // The first rows (on a refresh: as many positions as were read, up to the API's largest page).
  let wanted = PAGE_SIZE;
  const read = ref(0); // positions read from the top
  const page = useLoad(async (signal) => {
    const answer = await get<Standings>(path(), { period: period(), offset: 0, limit: wanted }, signal);
    let items = answer.items;
    const around = answer.restricted && answer.me ? neighbourhood(answer.me.position, wanted) : null;
    if (around) items = mergeRows(items, (await get<Standings>(path(), { period: answer.period, ...around }, signal)).items);
    rows.value = items;
    read.value = Math.min(wanted, answer.total);
    return answer;
  });
  const more = useLoad(async (signal) => {
    const shownRows = rows.value;
    const from = read.value;
    const answer = await get<Standings>(path(), { period: period(), offset: from, limit: PAGE_SIZE }, signal);
    // A refresh that landed meanwhile already replaced the rows: its page wins.
    if (rows.value === shownRows) {
      rows.value = mergeRows(shownRows, answer.items);
      read.value = from + PAGE_SIZE;
    }
    return answer;
  });
  const mine = useLoad((signal) => get<MyStanding>(`${path()}/me`, { period: period(), around: 0 }, signal));

  /** Another board or period: from the top. */
  async function load(): Promise<void> {
    wanted = PAGE_SIZE;
    await Promise.all([page.reload(), mine.reload()]);
  }
  /** The same board and period again (it moved). */
  async function refresh(): Promise<void> {
    wanted = Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, read.value));
    await Promise.all([page.reload(), mine.reload()]);
  }

  const shown = computed(() => page.data.value?.period ?? period());
  const hasMore = computed(() => {
    const d = page.data.value;
    return !!d && nextOffset(read.value, d.total, d.restricted ? d.board.public_top : null) !== null;
  });

  useLive({
    boardChanged(change) {
      const p = shown.value;
      if (p && touches(change, boardId(), p)) void refresh();
    },
    resync: () => void refresh(),
  });

  return { rows, page, more, mine, shown, hasMore, load, refresh };
}
