// Scheduled actions on the scenario clock. A scenario starts at 1970-01-01T00:00:00Z in template time, so
// StartTime "1970-01-01T09:00:00Z" is 9 hours in. A real date (any other day) is read as its time of day on the
// first scenario day, and a cron Recurrence as its first hit that day. Plain arithmetic: no clock is read.

const DAY_S = 86_400;

export function scheduleOffsetS(text: string): { atS: number; note?: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (iso) {
    const [year, month, day, hour, minute, second] = iso.slice(1).map((v) => Number(v ?? 0));
    const timeOfDay = hour! * 3600 + minute! * 60 + second!;
    const days = daysFromCivil(year!, month!, day!);
    if (year === 1970) return { atS: days * DAY_S + timeOfDay };
    return { atS: timeOfDay, note: `StartTime ${text} is read as its time of day on the scenario's first day` };
  }
  const cron = text.trim().split(/\s+/);
  if (cron.length === 5) {
    const minute = firstCronValue(cron[0]!);
    const hour = firstCronValue(cron[1]!);
    if (minute !== undefined && hour !== undefined) return { atS: hour * 3600 + minute * 60 };
  }
  return { atS: 0, note: `the schedule "${text}" is not understood: the action runs at the start` };
}

/** StartTime text for an offset on the scenario clock. */
export function startTimeOf(atS: number): string {
  const whole = Math.max(0, Math.floor(atS));
  const days = Math.floor(whole / DAY_S);
  const rest = whole - days * DAY_S;
  const [y, m, d] = civilFromDays(days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(m)}-${two(d)}T${two(Math.floor(rest / 3600))}:${two(Math.floor((rest % 3600) / 60))}:${two(rest % 60)}Z`;
}

/** The first value a cron field matches: "*" and "*\/5" → 0, "9-17" → 9, "0,30" → 0. */
function firstCronValue(field: string): number | undefined {
  if (field === '*' || field.startsWith('*/')) return 0;
  const n = Number(field.split(/[,-/]/)[0]);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

// Days since 1970-01-01 of a proleptic Gregorian date and back (H. Hinnant's civil calendar algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
