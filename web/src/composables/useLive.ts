// A component's ear on the live stream (src/live.ts) for as long as it is mounted.
import { onBeforeUnmount, onMounted } from 'vue';
import { onLive, type LiveListener } from '@/live';

export function useLive(listener: LiveListener): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = onLive(listener);
  });
  onBeforeUnmount(() => stop?.());
}
