// Run an action a moment after a filter stops changing, so typing a search sends one request.
import { onBeforeUnmount, watch, type WatchSource } from 'vue';

export function onSettled(source: WatchSource | object, action: () => unknown, delayMs = 250): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(source as WatchSource, () => {
    clearTimeout(timer);
    timer = setTimeout(action, delayMs);
  }, { deep: true });
}

/**
 * An action run once a moment after the last of a burst of calls (say, live changes that each
 * move what a card shows), and never after the component is gone.
 */
export function useSoon(action: () => unknown, delayMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onBeforeUnmount(() => clearTimeout(timer));
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, delayMs);
  };
}
