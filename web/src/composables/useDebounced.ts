// Run an action a moment after a filter stops changing, so typing a search sends one request.
import { watch, type WatchSource } from 'vue';

export function onSettled(source: WatchSource | object, action: () => unknown, delayMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source as WatchSource, () => {
    clearTimeout(timer);
    timer = setTimeout(action, delayMs);
  }, { deep: true });
}
