import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * A SegmentedControl whose options all stay visible and reachable: stacked on a phone, and on wider
 * screens never wider than its container (long labels wrap instead of being cut off).
 */
export function ChoiceControl(props: SegmentedControlProps) {
  const narrow = useMediaQuery('(max-width: 47.99em)') ?? false;
  return (
    <SegmentedControl
      {...props}
      orientation={narrow ? 'vertical' : 'horizontal'}
      fullWidth={narrow || props.fullWidth}
      w={narrow ? '100%' : props.w}
      maw="100%"
      styles={{ label: { whiteSpace: 'normal' } }}
    />
  );
}
