// Phone or PC layout. Phones are laid out for 375 px; PCs from 1280 px (tablets get the phone
// layout up to 768 px and the PC one above).
import { onBeforeUnmount, ref } from 'vue';

const phoneQuery = '(max-width: 767px)';

export function useViewport() {
  const media = typeof window !== 'undefined' ? window.matchMedia?.(phoneQuery) : undefined;
  const isPhone = ref(media?.matches ?? false);
  const update = (e: MediaQueryListEvent) => (isPhone.value = e.matches);
  media?.addEventListener('change', update);
  onBeforeUnmount(() => media?.removeEventListener('change', update));
  return { isPhone };
}
