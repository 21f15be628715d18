import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Agency, Employee, EmployeeQuery, Unit } from '@netra/contracts';
import { api, buildUrl, type Page, type QueryValue } from '../../lib/api.ts';

/** Every agency the user can see; the API scopes the list. */
export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: ({ signal }) => api.get<Page<Agency>>('/agencies', { pageSize: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useAgency(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: ['agencies', agencyId],
    queryFn: ({ signal }) => api.get<Agency>(`/agencies/${agencyId}`, undefined, signal),
    enabled: Boolean(agencyId),
    staleTime: 5 * 60_000,
  });
}

export function useUnits(agencyId: string | null | undefined) {
  return useQuery({
    queryKey: ['agencies', agencyId, 'units'],
    queryFn: ({ signal }) => api.get<{ items: Unit[] }>(`/agencies/${agencyId}/units`, undefined, signal),
    enabled: Boolean(agencyId),
    staleTime: 5 * 60_000,
    select: (data) => orderUnitsAsTree(data.items),
  });
}

export interface UnitNode extends Unit {
  depth: number;
}

/** The flat unit list in tree order (each parent followed by its children, by name). */
export function orderUnitsAsTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    // A unit whose parent is outside the visible list is shown as a root.
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(unit);
    children.set(parent, siblings);
  }
  const ordered: UnitNode[] = [];
  const visit = (parent: string | null, depth: number) => {
    const siblings = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'id'));
    for (const unit of siblings) {
      ordered.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export type EmployeeSort = EmployeeQuery['sort'];
export type EmployeeFilters = Partial<Omit<EmployeeQuery, 'sort' | 'page' | 'pageSize'>>;

export interface EmployeeListParams extends EmployeeFilters {
  sort: EmployeeSort;
  page: number;
  pageSize: number;
}

function toQuery(params: EmployeeFilters & { sort?: EmployeeSort }): Record<string, QueryValue> {
  return {
    q: params.q,
    agencyId: params.agencyId,
    unitId: params.unitId,
    regionCode: params.regionCode,
    type: params.type,
    active: params.active,
    sort: params.sort,
  };
}

export function useEmployees(params: EmployeeListParams) {
  return useQuery({
    queryKey: ['employees', 'list', params],
    queryFn: ({ signal }) =>
      api.get<Page<Employee>>(
        '/employees',
        { ...toQuery(params), page: params.page, pageSize: params.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(id: string | undefined) {
  return useQuery({
    queryKey: ['employees', 'detail', id],
    queryFn: ({ signal }) => api.get<Employee>(`/employees/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Download link for the export of everything matching the filters (the server streams it). */
export function exportUrl(format: 'csv' | 'xlsx', filters: EmployeeFilters): string {
  return buildUrl('/employees/export', { format, ...toQuery(filters) });
}

export const TEMPLATE_URL = buildUrl('/templates/employees.csv');
