// Driving a form in a dialog in unit tests: Element Plus teleports dialogs and their dropdowns to
// <body>, so fields are found there, by their label as the user reads it.
import { flushPromises } from '@vue/test-utils';

/** The form item labelled `label`. */
export function field(label: string): HTMLElement {
  const labels = [...document.body.querySelectorAll('.el-form-item__label')];
  const found = labels.find((l) => l.textContent?.trim() === label);
  if (!found) throw new Error(`no field ${label}: ${labels.map((l) => l.textContent).join(', ')}`);
  return found.closest('.el-form-item') as HTMLElement;
}

/** Types `value` into the input or textarea `selector` finds. */
export async function fill(selector: string, value: string): Promise<void> {
  const input = document.body.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

/** Opens the select inside `item` and clicks its option starting with `text`. */
export async function pick(item: HTMLElement, text: string): Promise<void> {
  (item.querySelector('.el-select__wrapper') as HTMLElement).click();
  await flushPromises();
  // The select opened last has its dropdown last in the page.
  const option = [...document.body.querySelectorAll('.el-select-dropdown__item')]
    .filter((o) => o.textContent?.trim().startsWith(text))
    .pop();
  if (!option) throw new Error(`no option ${text}`);
  (option as HTMLElement).click();
  await flushPromises();
}
