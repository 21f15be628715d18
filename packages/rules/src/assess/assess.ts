import type { IsoDate } from '../shared/types.ts';
import { findElection } from '../elections/registry.ts';
import { electionSpan, electionStatusOn, primaryStage } from '../elections/schedule.ts';
import type { Election } from '../elections/types.ts';
import { findArticle, type ElectionArticle, type OffenceActor } from '../catalogue/election-law.ts';
import { administrativeSanctions, type SanctionOption } from '../catalogue/sanction-options.ts';
import type { Act } from '../catalogue/types.ts';
import { legalBasisFor } from '../catalogue/acts.ts';
import { computeDeadlines, type Deadline } from '../deadlines/compute.ts';
import type { DeadlineEvent } from '../deadlines/rules.ts';
import { asnAuthorityOn } from '../authority/asn-authority.ts';
import { resolveRules, type Rules, type RulesOptions } from '../options.ts';
import { parseIncident, type ActorType, type Incident } from './incident.ts';
import { explain } from './explain.ts';
import type { Assessment, OffenceCheck, Route } from './types.ts';

const OFFENCE_ACTOR: Record<ActorType, OffenceActor | null> = { PNS: 'ASN', PPPK: 'ASN', VILLAGE_HEAD: 'VILLAGE_HEAD', NON_ASN: null };

function article(id: string): ElectionArticle {
  const found = findArticle(id);
  if (!found) throw new RangeError(`Offence link refers to unknown article ${id}`);
  return found;
}

function checkOffences(
  rules: Rules,
  election: Election,
  act: Act,
  actorType: ActorType,
  status: { electoralDomain: boolean; campaignPeriod: boolean },
): OffenceCheck[] {
  const actor = OFFENCE_ACTOR[actorType];
  if (!actor) return [];
  return rules.offenceLinks
    .filter((link) => link.regime === election.regime && link.actors.includes(actor) && link.conductKinds.includes(act.conductKind))
    .map((link) => ({
      linkId: link.id,
      prohibits: link.prohibits.map(article),
      penalisedBy: article(link.penalisedBy),
      liable: link.liable,
      requires: link.requires,
      applies: status.electoralDomain && (link.requires === 'participants' || status.campaignPeriod),
    }));
}

function routesFor(actorType: ActorType, act: Act, offences: readonly OffenceCheck[]): Route[] {
  const routes: Route[] = [];
  if (actorType === 'PNS' || actorType === 'PPPK') routes.push(act.track);
  if (actorType === 'NON_ASN') routes.push('non_asn_contract');
  if (offences.some((offence) => offence.applies)) routes.push('election_crime');
  return routes;
}

function criminalOptions(offences: readonly OffenceCheck[]): SanctionOption[] {
  return offences
    .filter((offence) => offence.applies && offence.liable === 'actor' && offence.penalisedBy.penalty)
    .map((offence) => ({
      id: offence.penalisedBy.id,
      kind: 'criminal' as const,
      regime: 'election_law' as const,
      level: 'criminal' as const,
      name: offence.penalisedBy.summary,
      source: offence.penalisedBy.source,
      ...(offence.penalisedBy.penalty && { penalty: offence.penalisedBy.penalty }),
      ...(offence.penalisedBy.unconfirmed && { unconfirmed: true }),
    }));
}

function handlingDeadlines(rules: Rules, election: Election, incident: Incident, routes: readonly Route[]): Deadline[] {
  const known = incident.knownDate ?? incident.incidentDate;
  // reports are taken round the clock in the quiet period and on voting days: a report deadline then ends at 23:59
  const roundTheClock = (date: IsoDate) => {
    const on = electionStatusOn(election, incident.regionCode, date);
    return on.quietPeriod || on.votingDay;
  };
  const context = { regionCode: incident.regionCode, calendar: rules.calendar, roundTheClock };
  const regime = election.regime;
  const events: Partial<Record<DeadlineEvent, IsoDate>> = { known };
  const ids = [`${regime}.report`];
  if (incident.reportDate) {
    events.receipt = incident.reportDate;
    const forwards = routes.some((route) => route !== 'election_crime');
    if (regime === 'pemilu') {
      const [initialReview] = computeDeadlines(rules.deadlines, ['pemilu.initial_review'], events, context);
      events.registration = incident.registrationDate ?? initialReview?.dueDate;
      ids.push('pemilu.initial_review', 'pemilu.completion_notice', 'pemilu.review', 'pemilu.review_extended');
      if (forwards) ids.push('pemilu.forwarding');
    } else {
      ids.push('pilkada.review', 'pilkada.review_extended');
      if (forwards) ids.push('pilkada.forwarding');
      if (routes.includes('election_crime')) ids.push('pilkada.gakkumdu.initial_review');
    }
  }
  const deadlines = computeDeadlines(rules.deadlines, ids, events, context);
  const registrationAssumed = regime === 'pemilu' && incident.reportDate !== undefined && incident.registrationDate === undefined;
  const withAssumptions = deadlines.map((deadline) =>
    registrationAssumed && (deadline.ruleId === 'pemilu.review' || deadline.ruleId === 'pemilu.review_extended')
      ? { ...deadline, assumed: true }
      : deadline,
  );
  if (regime === 'pemilu' && incident.reportDate && routes.includes('election_crime')) {
    // Gakkumdu declares at the latest when the review ends; forwarding to the Police follows within 1x24 hours.
    const review = withAssumptions.find((deadline) => deadline.ruleId === 'pemilu.review');
    if (review) {
      const [police] = computeDeadlines(rules.deadlines, ['pemilu.gakkumdu.police_forwarding'], { gakkumdu_declaration: review.dueDate }, context);
      if (police) withAssumptions.push({ ...police, assumed: true });
    }
  }
  return withAssumptions;
}

/** What the caller knows beside the incident, for the explanation's wording only (never for the legal result). */
export interface AssessWording {
  /** The name of the incident's region ("Kabupaten Bekasi"), said beside its code. */
  readonly regionName?: string;
}

/**
 * Assesses one suspected neutrality violation: election stage and status on the incident
 * date, applicable routes, receiving authority, deadlines, sanction options and a cited
 * explanation. Throws `AssessmentInputError` for invalid input.
 */
export function assess(input: Incident | unknown, options: RulesOptions = {}, wording: AssessWording = {}): Assessment {
  const incident = parseIncident(input, options);
  const rules = resolveRules(options);
  const election = findElection(incident.election, rules.elections) as Election;
  const act = rules.acts.find((candidate) => candidate.code === incident.act);
  const resolvedAct = act?.mergedInto ? rules.acts.find((candidate) => candidate.code === act.mergedInto) : act;
  if (!resolvedAct) throw new RangeError(`Act ${incident.act} vanished after validation`);

  const status = electionStatusOn(election, incident.regionCode, incident.incidentDate);
  // participants exist from their determination until the election's last stage is over: after it, the
  // election-law elements that need a participant ("peserta", "pasangan calon") no longer apply
  const electionOver = status.takesPart && incident.incidentDate > electionSpan(election, incident.regionCode).end;
  const electoralDomain = status.takesPart && status.participantsDetermined && !electionOver;
  const offences = checkOffences(rules, election, resolvedAct, incident.actorType, { electoralDomain, campaignPeriod: status.campaignPeriod });
  const routes = routesFor(incident.actorType, resolvedAct, offences);

  const authorityDate = incident.reportDate ?? incident.knownDate ?? incident.incidentDate;
  const hasAsnRoute = routes.includes('asn_ethics') || routes.includes('asn_discipline');
  const authority = hasAsnRoute ? asnAuthorityOn(authorityDate, rules.authority) : null;

  const deadlines = handlingDeadlines(rules, election, incident, routes);
  const reportDeadline = deadlines.find((deadline) => deadline.ruleId === `${election.regime}.report`);
  if (!reportDeadline) throw new RangeError(`No report deadline rule for ${election.regime}`);
  const timely = incident.reportDate ? incident.reportDate <= reportDeadline.dueDate : null;

  const sanctionOptions = [
    ...administrativeSanctions(resolvedAct, incident.actorType, incident.incidentDate),
    ...criminalOptions(offences),
  ];
  const stage = primaryStage(status.stages);

  const assessment: Omit<Assessment, 'explanation'> = {
    input: incident,
    election: { id: election.id, kind: election.kind, name: election.name },
    takesPart: status.takesPart,
    stage: stage ? { id: stage.id, name: stage.name } : null,
    activeStages: status.stages.map((active) => ({ id: active.id, name: active.name })),
    participantsDetermined: status.participantsDetermined,
    participants: status.participants,
    campaignPeriod: status.campaignPeriod,
    quietPeriod: status.quietPeriod,
    votingDay: status.votingDay,
    electoralDomain,
    act: { ...resolvedAct, legalBasis: legalBasisFor(resolvedAct, election.regime) },
    routes,
    offences,
    asnAuthority: authority
      ? { id: authority.id, name: authority.name, onDate: authorityDate, source: authority.source, unconfirmed: authority.unconfirmed === true }
      : null,
    reportDeadline,
    timely,
    deadlines,
    sanctionOptions,
  };
  return { ...assessment, explanation: explain(assessment, { election, status, ...(wording.regionName && { regionName: wording.regionName }) }) };
}
