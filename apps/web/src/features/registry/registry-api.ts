import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Agency, Employee, EmployeeQuery, Me, Region, Unit } from '@netra/contracts';
import { api, buildUrl, type Page, type QueryValue } from '../../lib/api.ts';
import { hasPermission } from '../auth/session.tsx';

/** An employee's session ("Data saya"): the registry answers their own record only, so filters and counts mean nothing. */
export const isSelfOnly = (me: Me) => !hasPermission(me, 'registry.read') && hasPermission(me, 'self.read');

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

/** Download link for the export of everything matching the filters, in the list's order (the server streams it). */
export function exportUrl(format: 'csv' | 'xlsx', filters: EmployeeFilters & { sort: EmployeeSort }): string {
  return buildUrl('/employees/export', { format, ...toQuery(filters) });
}

export const TEMPLATE_URL = buildUrl('/templates/employees.csv');

/**
 * A Kemendagri region code in words, from the region up ("Bekasi Barat, Kota Bekasi, Jawa Barat"): each level
 * from /regions/{code} (cached with the region picker's). Null while loading; the code itself if a level is unknown.
 */
export function useRegionName(code: string | null | undefined): string | null {
  // '32.75.01' -> ['32', '32.75', '32.75.01']
  const levels = code ? code.split('.').map((_part, i, all) => all.slice(0, i + 1).join('.')) : [];
  const regions = useQueries({
    queries: levels.map((level) => ({
      queryKey: ['regions', 'one', level],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Region>(`/regions/${level}`, undefined, signal),
      staleTime: Infinity,
    })),
  });
  if (!code) return null;
  if (regions.some((r) => r.isError)) return code;
  const names = regions.map((r) => r.data?.name);
  return names.every((name): name is string => Boolean(name)) ? names.reverse().join(', ') : null;
}
