// Reference data many pages name things by: products and departments, fetched once per session.
import { shallowRef, type Ref } from 'vue';
import { get } from '@/api/client';
import type { Page } from '@/api/types';

export interface ProductRef {
  id: number;
  code: string;
  name: string;
  type: string;
  money_market: boolean;
}
export interface DepartmentRef {
  id: number;
  name: string;
  parent_id: number | null;
  active: boolean;
  path: string[];
}
export interface StaffRef {
  id: number;
  name: string;
  title: string | null;
  active: boolean;
  department_id: number | null;
  user_id: number | null;
}

/** Every item of a paged list (the API's cursor), read 200 at a time, page after page. */
export async function everyPage<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await get<Page<T>>(path, { limit: 200, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

let products: Promise<Map<number, ProductRef>> | null = null;
let departments: Promise<Map<number, DepartmentRef>> | null = null;
let staff: Promise<Map<number, StaffRef>> | null = null;

/** After an admin changes products, departments or staff: the next page reads them afresh. */
export function invalidateReference(): void {
  products = null;
  departments = null;
  staff = null;
}

function cached<T extends { id: number }>(load: () => Promise<T[]>, reset: () => void): Promise<Map<number, T>> {
  const p = load().then((list) => new Map(list.map((x) => [x.id, x])));
  p.catch(reset); // a failure is not remembered: the next page asks again
  return p;
}

export function productsById(): Promise<Map<number, ProductRef>> {
  products ??= cached(() => everyPage<ProductRef>('/api/v1/products'), () => (products = null));
  return products;
}

export function departmentsById(): Promise<Map<number, DepartmentRef>> {
  // Not paginated: the whole tree in one answer.
  departments ??= cached(
    () => get<{ items: DepartmentRef[] }>('/api/v1/departments').then((p) => p.items),
    () => (departments = null),
  );
  return departments;
}

export function staffById(): Promise<Map<number, StaffRef>> {
  staff ??= cached(() => everyPage<StaffRef>('/api/v1/staff'), () => (staff = null));
  return staff;
}

/** For a page: the map, empty until it has loaded (names then fill in; a failure leaves ids). */
export function useReference<T>(load: () => Promise<Map<number, T>>): Ref<Map<number, T>> {
  const map = shallowRef(new Map<number, T>());
  load().then((m) => (map.value = m)).catch(() => {});
  return map;
}
