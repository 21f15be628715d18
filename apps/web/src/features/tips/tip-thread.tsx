import { Paper, Stack, Text } from '@mantine/core';
import type { z } from 'zod';
import type { TipMessage as TipMessageSchema } from '@netra/contracts';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../../lib/bilingual.ts';
import { useFormat } from '../../lib/format.ts';

export type TipMessage = z.infer<typeof TipMessageSchema>;

interface TipThreadProps {
  messages: readonly TipMessage[];
  /** Who wrote it, as seen by the reader ("Anda" for the reporter on the public page). */
  authorLabel: (author: TipMessage['author']) => string;
  emptyText: string;
  messageTestId?: string;
}

const BACKGROUNDS: Record<TipMessage['author'], string> = {
  reporter: 'var(--mantine-color-gray-0)',
  handler: 'var(--mantine-color-blue-0)',
  system: 'transparent',
};

/**
 * Handler questions, reporter answers and system notes, oldest first. A system note written as
 * "Indonesian / English" shows the UI language's half only; people's own words are shown as written.
 */
export function TipThread({ messages, authorLabel, emptyText, messageTestId }: TipThreadProps) {
  const format = useFormat();
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  if (messages.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
      {messages.map((message, index) => (
        <Paper
          key={index}
          component="li"
          withBorder={message.author !== 'system'}
          p="sm"
          bg={BACKGROUNDS[message.author]}
          data-testid={messageTestId}
          data-author={message.author}
        >
          <Text size="xs" c="dimmed" fw={600}>
            {authorLabel(message.author)} · {format.date(message.sentOn)}
          </Text>
          <Text
            size="sm"
            fs={message.author === 'system' ? 'italic' : undefined}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {message.author === 'system' ? pickLanguage(message.body, language) : message.body}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
