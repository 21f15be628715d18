import type { CSSProperties } from 'react';
import { Box, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ElectionTimeline } from '@netra/contracts';
import { useFormat } from '../../lib/format.ts';
import type { TimelineStage } from './elections-api.ts';
import { roleColor, roleKeyOf } from './stage-roles.tsx';
import { barOf, createScale, monthTicks, spanOf, type TimeScale } from './timeline-scale.ts';

const LABEL_WIDTH = 220;
const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 22;
const FOOTER_HEIGHT = 22;

/** One stage: a bar from start to end, or a diamond for a one-day stage; dashed when contingent. */
function StageMark({ stage, scale }: { stage: TimelineStage; scale: TimeScale }) {
  const color = roleColor(stage.role);
  const { left, width } = barOf(scale, stage);
  const fill = stage.contingent ? 'var(--mantine-color-white)' : color;
  const border = `2px ${stage.contingent ? 'dashed' : 'solid'} ${color}`;
  const oneDay = stage.start === stage.end;
  const style: CSSProperties = oneDay
    ? {
        left: `calc(${left + width / 2}% - 7px)`,
        top: ROW_HEIGHT / 2 - 7,
        width: 14,
        height: 14,
        transform: 'rotate(45deg)',
        background: fill,
        border,
      }
    : {
        left: `${left}%`,
        width: `max(${width}%, 3px)`,
        top: 6,
        height: ROW_HEIGHT - 12,
        borderRadius: 3,
        background: fill,
        border,
      };
  return <Box pos="absolute" style={{ boxSizing: 'border-box', ...style }} data-shape={oneDay ? 'diamond' : 'bar'} />;
}

interface TimelineChartProps {
  timeline: ElectionTimeline;
}

/** The stages on a shared month axis, with a line for today in the region. */
export function TimelineChart({ timeline }: TimelineChartProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const span = spanOf(timeline.stages);
  if (!span) return null;
  const scale = createScale(span);
  const ticks = monthTicks(scale);
  const { today } = timeline;
  const todayInside = today >= span.start && today <= span.end;
  const todayX = scale.x(today) + scale.dayWidth / 2;

  return (
    <Box component="figure" m={0} aria-label={t('timeline.chart', { election: format.localized(timeline.election.name), region: timeline.regionCode })}>
      <ScrollArea type="auto" offsetScrollbars>
        <Box pos="relative" miw={760} data-testid="timeline-chart">
          {/* Month grid and today line, over the track column of every row. */}
          <Box pos="absolute" top={0} bottom={0} left={LABEL_WIDTH} right={0} style={{ pointerEvents: 'none' }} aria-hidden>
            {ticks.map((tick) => (
              <Box
                key={tick.date}
                pos="absolute"
                top={tick.labelled ? 0 : AXIS_HEIGHT}
                bottom={todayInside ? FOOTER_HEIGHT : 0}
                left={`${tick.x}%`}
                style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }}
              >
                {tick.labelled && (
                  <Text size="xs" c="dimmed" pl={4} style={{ whiteSpace: 'nowrap' }}>
                    {format.month(tick.date)}
                  </Text>
                )}
              </Box>
            ))}
          </Box>
          <Box h={AXIS_HEIGHT} />
          {timeline.stages.map((stage) => (
            <Box
              key={stage.id}
              display="flex"
              style={{ alignItems: 'center', borderTop: '1px solid var(--mantine-color-gray-1)' }}
              data-testid="timeline-stage"
              data-stage={stage.id}
              data-role={roleKeyOf(stage.role)}
              data-contingent={stage.contingent}
              title={`${format.localized(stage.name)}: ${format.date(stage.start)} – ${format.date(stage.end)}`}
            >
              <Text size="xs" w={LABEL_WIDTH} pr="sm" truncate="end" fs={stage.contingent ? 'italic' : undefined}>
                {format.localized(stage.name)}
              </Text>
              <Box pos="relative" h={ROW_HEIGHT} style={{ flex: 1 }}>
                <StageMark stage={stage} scale={scale} />
              </Box>
            </Box>
          ))}
          {todayInside && <Box h={FOOTER_HEIGHT} />}
          {todayInside && (
            <Box
              pos="absolute"
              top={AXIS_HEIGHT}
              bottom={0}
              left={`calc(${LABEL_WIDTH}px + (100% - ${LABEL_WIDTH}px) * ${todayX / 100})`}
              style={{ borderLeft: '2px solid var(--mantine-color-blue-7)', pointerEvents: 'none' }}
              data-testid="timeline-today"
              data-date={today}
            >
              <Text
                size="xs"
                fw={700}
                c="blue.7"
                pos="absolute"
                bottom={2}
                // Near the right edge the label goes to the left of the line.
                style={{ whiteSpace: 'nowrap', ...(todayX > 75 ? { right: 4 } : { left: 4 }) }}
              >
                {t('timeline.today')} · {format.date(today)}
              </Text>
            </Box>
          )}
        </Box>
      </ScrollArea>
      {!todayInside && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="timeline-today" data-date={today} data-outside>
          {t(today < span.start ? 'timeline.todayBefore' : 'timeline.todayAfter', { date: format.date(today) })}
        </Text>
      )}
    </Box>
  );
}
