/**
 * The registry both conflict-register test files start from: Kabupaten Serang (seed 002) with four
 * employees — a teacher, a son named by patronymic, the regent and a namesake — Kota Bekasi beside it,
 * and the officers who work the register.
 */
import { SYSTEM, SYSTEM_PRINCIPAL, addUser } from '../../../test/harness.ts';
import type { Deps } from '../../deps.ts';
import { createAgency } from '../agencies/agencies.service.ts';
import { createEmployee } from '../registry/employees.service.ts';

export async function serangRegistry(deps: Deps): Promise<Record<'serang' | 'kota' | 'guru' | 'anak' | 'bupati' | 'lain', string>> {
  const serang = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kabupaten Serang', regionCode: '36.04' })).id;
  const kota = (await createAgency(deps, 'system', SYSTEM, { name: 'Pemerintah Kota Bekasi', regionCode: '32.75' })).id;
  const emp = async (name: string, nip: string) =>
    (await createEmployee(deps, SYSTEM_PRINCIPAL, SYSTEM, { agencyId: serang, employmentType: 'PNS', nip, name, position: 'Staf', active: true })).id;
  const ids = {
    serang, kota,
    guru: await emp('Dewi Lestari, S.Pd.', '198609262015052001'),
    anak: await emp('Rizki bin Hasan Basri', '199001012015051001'),
    bupati: await emp('H. Ratu Tatu Chasanah', '196501011990032001'),
    lain: await emp('Siti Aminah', '197001011995032002'),
  };
  await addUser(deps, 'kesbangpol.serang', 'agency_admin', { agencyId: serang });
  await addUser(deps, 'kesbangpol.kota', 'agency_admin', { agencyId: kota });
  await addUser(deps, 'ppk.serang', 'employing_official', { agencyId: serang, employeeId: ids.bupati });
  await addUser(deps, 'bawaslu.serang', 'supervisor', { regionCode: '36.04' });
  return ids;
}
