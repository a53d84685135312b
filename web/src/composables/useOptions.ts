// Options for the selects of manager and admin forms, from the reference data: staff (with their
// department), products (with their code) and departments (with their full path).
import { computed } from 'vue';
import { departmentsById, productsById, staffById, useReference } from '@/reference';

export interface Option {
  value: number;
  label: string;
  disabled?: boolean;
}

export function useOptions() {
  const staff = useReference(staffById);
  const products = useReference(productsById);
  const departments = useReference(departmentsById);

  const departmentPath = (id: number | null | undefined): string =>
    id == null ? '—' : (departments.value.get(id)?.path.join(' / ') ?? `#${id}`);
  const staffName = (id: number | null | undefined): string =>
    id == null ? '—' : (staff.value.get(id)?.name ?? `#${id}`);
  const productName = (id: number): string => products.value.get(id)?.name ?? `#${id}`;

  const staffOptions = computed<Option[]>(() =>
    [...staff.value.values()]
      .filter((s) => s.active)
      .map((s) => ({ value: s.id, label: s.department_id ? `${s.name} · ${departmentPath(s.department_id)}` : s.name })),
  );
  /** Everyone, those who left included (marked), e.g. to pick a leaver. */
  const everyoneOptions = computed<Option[]>(() =>
    [...staff.value.values()].map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} ✕` })),
  );
  const productOptions = computed<Option[]>(() =>
    [...products.value.values()].map((p) => ({ value: p.id, label: `${p.name} (${p.code})` })),
  );
  const departmentOptions = computed<Option[]>(() =>
    [...departments.value.values()]
      .filter((d) => d.active)
      .map((d) => ({ value: d.id, label: d.path.join(' / ') })),
  );

  return { staff, products, departments, staffOptions, everyoneOptions, productOptions, departmentOptions, departmentPath, staffName, productName };
}
