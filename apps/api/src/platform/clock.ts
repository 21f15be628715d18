/** The only source of "now" outside tests; domain code receives time as an argument. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
