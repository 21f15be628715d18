/**
 * What an anonymous reporter does (a tip, a reply, a consent, an upload) is kept with its local date
 * only, never its exact time: a time to the minute could be matched against phone, Wi-Fi or CCTV
 * records and identify the reporter. Pure.
 */
import { instantInRegion, localDateInRegion } from '@netra/rules';

/** The start of the local day (in the region's time zone, WIB/WITA/WIT) of the instant `now`. */
export function anonymousTime(now: Date, regionCode: string): Date {
  return instantInRegion(localDateInRegion(now, regionCode), '00:00', regionCode);
}

/** When that local day ends (Indonesia keeps no daylight saving time): an anonymous action's audit entry waits until then. */
export function anonymousDayEnd(now: Date, regionCode: string): Date {
  return new Date(anonymousTime(now, regionCode).getTime() + 86_400_000);
}

/** The time fields of an anonymous action's audit entry: its local day, released into the trail when that day is over. */
export function anonymousAuditTime(now: Date, regionCode: string): { at: Date; releaseAfter: Date } {
  return { at: anonymousTime(now, regionCode), releaseAfter: anonymousDayEnd(now, regionCode) };
}
