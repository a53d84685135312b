// Times in the company time zone (the session's time_zone, e.g. Asia/Shanghai), whatever zone
// the browser is in: a salesperson travelling abroad still logs the visit in company time.

function parts(instant: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/** The zone's offset from UTC at an instant, in minutes (480 for Asia/Shanghai). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** "YYYY-MM-DDTHH:mm" (an <input type=datetime-local> value) of an instant in the zone. */
export function toZonedInput(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The zone's calendar day of an instant, YYYY-MM-DD. */
export function zonedDate(instant: Date, timeZone: string): string {
  return toZonedInput(instant, timeZone).slice(0, 10);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/**
 * RFC 3339 for a wall-clock time in the zone, e.g. "2026-11-23T10:30" in Asia/Shanghai →
 * "2026-11-23T10:30:00+08:00". Around a daylight-saving change the offset is taken at the
 * instant the wall time names (a skipped hour resolves forward, a repeated one to the first).
 */
export function zonedInputToRfc3339(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const wallAsUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  // Two passes settle the offset at the instant itself rather than at the wall time read as UTC.
  let offset = offsetMinutes(new Date(wallAsUtc), timeZone);
  offset = offsetMinutes(new Date(wallAsUtc - offset * 60000), timeZone);
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${formatOffset(offset)}`;
}

/** An instant shown in the zone, in the UI's language: "2026/11/23 10:30" or "Nov 23, 2026, 10:30". */
export function formatDateTime(iso: string, timeZone: string, locale: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** A calendar day (YYYY-MM-DD, already company-local) in the UI's language. */
export function formatDay(day: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const instant = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(instant);
}
