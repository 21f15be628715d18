import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ACTOR_TYPES,
  Assessment as AssessmentSchema,
  CatalogueAct as CatalogueActSchema,
  IncidentInput as IncidentInputSchema,
} from '@netra/contracts';
import { api } from '../../lib/api.ts';

export type ActorType = (typeof ACTOR_TYPES)[number];
export type IncidentInput = z.infer<typeof IncidentInputSchema>;
type ContractAssessment = z.infer<typeof AssessmentSchema>;
export type Route = ContractAssessment['routes'][number];

/*
 * The contract documents only the core of deadlines, sanction options and acts (loose objects);
 * these name the further fields the legal engine sends (packages/rules: Deadline, SanctionOption,
 * Act) so the page can show them. Their `source` is the public legal references (the data's own in
 * `provenance`, never shown), `unconfirmed` a flag the page words.
 */
export type Deadline = ContractAssessment['deadlines'][number] & {
  from: string;
  days: number;
  basis: 'working' | 'calendar';
  assumed: boolean;
  calendarCovered: boolean;
};

export type SanctionLevel = 'moral' | 'ringan' | 'sedang' | 'berat' | 'ptdh' | 'contract' | 'criminal';

export type SanctionOption = ContractAssessment['sanctionOptions'][number] & {
  name: { id: string; en: string };
  level: SanctionLevel;
};

/** The declared fields of a loose object, without its `[key: string]: unknown` catch-all. */
type Known<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

export type Assessment = Omit<Known<ContractAssessment>, 'reportDeadline' | 'deadlines' | 'sanctionOptions'> & {
  reportDeadline: Deadline;
  deadlines: Deadline[];
  sanctionOptions: SanctionOption[];
};

export type CatalogueAct = z.infer<typeof CatalogueActSchema> & { legalBasis?: string; counterpart?: string };

/** The SKB 2022 matrix of prohibited acts (static data). */
export function useActs() {
  return useQuery({
    queryKey: ['catalogue', 'acts'],
    queryFn: ({ signal }) => api.get<{ items: CatalogueAct[] }>('/catalogue/acts', undefined, signal),
    staleTime: Infinity,
  });
}

/** Assessing changes nothing on the server; it is a POST only because the input is a document. */
export function useAssessIncident() {
  return useMutation({ mutationFn: (input: IncidentInput) => api.post<Assessment>('/assessments', input) });
}
