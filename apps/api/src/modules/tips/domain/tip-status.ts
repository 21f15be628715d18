/** A tip's status in words, for messages (never the code). Pure. */
import type { TIP_STATUSES } from '@netra/contracts';

type TipStatus = (typeof TIP_STATUSES)[number];

export const TIP_STATUS_WORDS: Readonly<Record<TipStatus, { id: string; en: string }>> = {
  received: { id: 'diterima', en: 'received' },
  in_review: { id: 'sedang ditelaah', en: 'under review' },
  needs_info: { id: 'perlu keterangan tambahan', en: 'more information needed' },
  converted_finding: { id: 'sudah menjadi temuan', en: 'turned into a finding' },
  converted_report: { id: 'sudah menjadi laporan resmi', en: 'turned into a formal report' },
  closed: { id: 'ditutup', en: 'closed' },
};

/** Turned into a case or closed: no status change any more. */
export const isFinalTip = (status: string) => status.startsWith('converted') || status === 'closed';
