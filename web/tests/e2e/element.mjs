// Driving Element Plus controls as a user does: open a select and click an option, type a date
// and press Enter. Their popups are teleported to <body>, so options are found there.

/** Opens the select and clicks the option whose text contains `text` (typing it first when the
 *  select is filterable, as users do with long lists). */
export async function choose(page, select, text, { type = false } = {}) {
  await select.click();
  if (type) await page.keyboard.type(text);
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first();
  await option.click();
  // A multiple select stays open: close it so the next control can be reached.
  if (await page.locator('.el-select-dropdown:visible').count()) await page.keyboard.press('Escape');
}

/** Types a day into an el-date-picker (type=date) and confirms it. */
export async function fillDate(picker, day) {
  const input = picker.locator('input').first();
  await input.fill(day);
  await input.press('Enter');
}

/** Types both ends of an el-date-picker (type=daterange). */
export async function fillRange(picker, first, last) {
  const inputs = picker.locator('input');
  await inputs.nth(0).fill(first);
  await inputs.nth(1).fill(last);
  await inputs.nth(1).press('Enter');
}

/** The form-item error shown under a field's label, e.g. the API's 400 naming that field. */
export function fieldError(dialog, label) {
  return dialog.locator('.el-form-item', { has: dialog.page().locator(`.el-form-item__label:text-is("${label}")`) }).locator('.el-form-item__error');
}

/** The open dialog (Element Plus keeps closed ones hidden in the DOM). */
export function openDialog(page) {
  return page.locator('.el-dialog:visible').last();
}

/** Saves the dialog's form and waits for `saved` (what the page shows once it is saved); when
 *  the form shows an error instead — beside a field or on top — fails with what it says, rather
 *  than waiting out the timeout for something that will never come. */
export async function submitForm(dialog, saved, { timeout = 30_000 } = {}) {
  await dialog.locator('[data-test=form-submit]').click();
  const refused = dialog.locator('.el-form-item__error, .form-error').first();
  const outcome = await Promise.race([
    saved.waitFor({ timeout }).then(() => 'saved'),
    refused.waitFor({ timeout }).then(() => 'refused'),
  ]);
  if (outcome === 'refused') throw new Error(`the form was refused: ${(await dialog.innerText()).replace(/\s+/g, ' ')}`);
}
