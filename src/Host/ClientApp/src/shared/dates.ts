import dayjs, { type Dayjs } from 'dayjs';
import duration from 'dayjs/plugin/duration';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Language } from './i18n/languages';

dayjs.extend(duration);
dayjs.extend(localizedFormat);
dayjs.extend(relativeTime);

/**
 * The one place dates are shown from: in the browser's time zone (dayjs' default), in the language's format.
 * The app shell calls setDateLanguage when the language changes.
 */
export function setDateLanguage(language: Language) {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

type DateInput = string | number | Date | Dayjs;

/** Date and time, e.g. `2026年12月2日 09:30` / `Dec 2, 2026 9:30 AM`. */
export function formatDateTime(value: DateInput): string {
  return dayjs(value).format('lll');
}

/** Date only, e.g. `2026年12月2日` / `Dec 2, 2026`. */
export function formatDate(value: DateInput): string {
  return dayjs(value).format('ll');
}

/** How long ago or until, e.g. `3 小时前` / `in 2 days`. */
export function fromNow(value: DateInput, now: DateInput = dayjs()): string {
  return dayjs(value).from(dayjs(now));
}

export interface Countdown {
  /** Time left, or how long overdue: e.g. `2天 3小时` / `2 days 3 hr`. */
  text: string;
  overdue: boolean;
  /** Milliseconds until due; negative when overdue. */
  remainingMs: number;
}

/** Time left until a due time, in the two largest units (`2 days 3 hours`), or how long it is overdue. */
export function countdown(due: DateInput, now: DateInput = dayjs()): Countdown {
  const remainingMs = dayjs(due).diff(dayjs(now));
  const left = dayjs.duration(Math.abs(remainingMs));
  const parts: [number, 'day' | 'hour' | 'minute'][] = [
    [Math.floor(left.asDays()), 'day'],
    [left.hours(), 'hour'],
    [left.minutes(), 'minute'],
  ];
  const firstNonZero = parts.findIndex(([amount]) => amount > 0);
  const shown = firstNonZero < 0 ? [parts[2]!] : parts.slice(firstNonZero, firstNonZero + 2).filter(([n]) => n > 0);
  const text = shown.map(([amount, unit]) => unitText(amount, unit)).join(' ');
  return { text, overdue: remainingMs < 0, remainingMs };
}

function unitText(amount: number, unit: 'day' | 'hour' | 'minute'): string {
  // Intl knows each language's unit words; dayjs' relative words would add "in"/"ago".
  return new Intl.NumberFormat(dayjs.locale() === 'zh-cn' ? 'zh-CN' : 'en', {
    style: 'unit',
    unit,
    unitDisplay: 'short',
  }).format(amount);
}
