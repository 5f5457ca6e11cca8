import type { Dayjs } from 'dayjs';
import type { OpenCaseRequest } from './api';

/** The create-case form's values, named as the request's JSON paths: the server's field errors land on them. */
export interface NewCaseFields {
  kind: OpenCaseRequest['kind'];
  channel: OpenCaseRequest['channel'];
  description?: string;
  customer?: { name?: string; company?: string; phone?: string; email?: string; region?: string };
  product?: { model?: string; serial?: string; shipDate?: Dayjs | null; warrantyEnd?: Dayjs | null };
  quantities?: { hosts?: number | null; accessories?: number | null };
}

/**
 * The request for the form's values: texts trimmed, empty ones left out, dates as `YYYY-MM-DD`, no product or
 * quantities when none were given. The server checks the rest and names the field it refuses.
 */
export function toOpenCaseRequest(fields: NewCaseFields): OpenCaseRequest {
  const c = fields.customer ?? {};
  const p = fields.product ?? {};
  const q = fields.quantities ?? {};
  const product = compact({
    model: text(p.model),
    serial: text(p.serial),
    shipDate: p.shipDate?.format('YYYY-MM-DD'),
    warrantyEnd: p.warrantyEnd?.format('YYYY-MM-DD'),
  });
  const quantities = compact({ hosts: q.hosts ?? undefined, accessories: q.accessories ?? undefined });
  return {
    kind: fields.kind,
    channel: fields.channel,
    description: text(fields.description) ?? '',
    customer: {
      name: text(c.name) ?? '',
      ...compact({ company: text(c.company), phone: text(c.phone), email: text(c.email), region: text(c.region) }),
    },
    ...(product && { product }),
    ...(quantities && { quantities }),
  };
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The object without its undefined members; undefined when nothing is left. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}
