import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysBetween, parseWallClock, todayAtOffset } from '../../lib/dates.ts';
import { useFormat } from '../../lib/format.ts';
import type { Deadline } from './assess-api.ts';
import { FlagBadge } from '../../components/flag-badge.tsx';

/** The due time in the office's zone and how far it is from the report date (or from today there). */
export function DueAt({ deadline, reportDate }: { deadline: Deadline; reportDate?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const offsetMinutes = parseWallClock(deadline.dueAt)?.offsetMinutes ?? 0;
  const reference = reportDate ?? todayAtOffset(offsetMinutes);
  const left = daysBetween(reference, deadline.dueDate);
  const status =
    left > 0
      ? t('assess.daysLeft', { count: left })
      : left < 0
        ? // late only against a report date; without one the deadline has simply passed (a past incident)
          t(reportDate ? 'assess.daysLate' : 'assess.daysPassed', { count: -left })
        : reportDate
          ? t('assess.dueOnReport')
          : t('assess.dueToday');
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {format.wallClock(deadline.dueAt)}
      </Text>
      <Text span size="sm" c={left < 0 ? 'red.7' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
        ({status})
      </Text>
    </Group>
  );
}

/** Small badges for deadlines counted from assumed dates, unconfirmed rules or missing holiday data. */
export function DeadlineFlags({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation();
  const flags = [
    deadline.assumed && { key: 'assumed', label: t('assess.assumed'), help: t('assess.assumedHelp'), color: 'gray' },
    deadline.unconfirmed && {
      key: 'unconfirmed',
      label: t('assess.unconfirmed'),
      help: t('assess.unconfirmedHelp'),
      color: 'yellow',
    },
    !deadline.calendarCovered && {
      key: 'calendar',
      label: t('assess.calendarIncomplete'),
      help: t('assess.calendarIncompleteHelp'),
      color: 'orange',
    },
  ].filter((flag) => flag !== false);
  if (flags.length === 0) return null;
  return (
    <Group gap={4} component="span">
      {flags.map((flag) => (
        <FlagBadge key={flag.key} label={flag.label} help={flag.help} color={flag.color} data-flag={flag.key} />
      ))}
    </Group>
  );
}
