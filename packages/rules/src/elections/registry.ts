import { PEMILU_2024 } from './pemilu-2024.ts';
import { PILKADA_2024 } from './pilkada-2024.ts';
import type { Election } from './types.ts';

/**
 * Elections known to the engine. The split elections from 2029 (MK 135/PUU-XXII/2024,
 * domain.md §6.4) are not listed: no PKPU schedule exists yet. Add them as new files with
 * kind 'national' / 'local' (and `unconfirmed: true` while dates are provisional).
 */
export const ELECTIONS: readonly Election[] = [PEMILU_2024, PILKADA_2024];

export function findElection(id: string, elections: readonly Election[] = ELECTIONS): Election | undefined {
  return elections.find((election) => election.id === id);
}
