/** Which employee rows (alias `e`) a caller may read: shared by the registry and every count of employees elsewhere. */
import { scopeSql, type Principal } from '../auth/domain/policy.ts';

// The unit path is looked up per row only when a unit-scoped grant needs it, so lists and counts
// never have to join units.
export const COLS = { region: 'e.region_code', agency: 'e.agency_id', unitIdPath: '(SELECT uu.id_path FROM units uu WHERE uu.id = e.unit_id)', employeeId: 'e.id' };

/** Rows the caller may read: the registry scope, or their own record for the employee role. */
export function readScope(p: Principal, params: unknown[]) {
  return `(${scopeSql(p, 'registry.read', COLS, params)} OR ${scopeSql(p, 'self.read', COLS, params)})`;
}
