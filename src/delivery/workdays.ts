const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The moment `days` working days (Monday to Friday) before `now`: a ticket submitted before it has waited longer
 * than the service level. Public holidays are not known here and count as working days.
 */
export function workdaysBefore(now: Date, days: number): Date {
  let at = now.getTime();
  let left = days;
  while (left > 0) {
    at -= DAY_MS;
    const day = new Date(at).getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return new Date(at);
}
