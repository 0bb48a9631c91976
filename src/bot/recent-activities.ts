/** Activity keys handled by this process lately: a channel retries a slow request within seconds. */
export class RecentActivities {
  private readonly seen = new Map<string, number>();
  private static readonly KEEP_MS = 10 * 60 * 1000;
  private static readonly MAX = 10_000;

  /** True the first time a key is claimed; false for a copy. */
  claim(key: string): boolean {
    const now = Date.now();
    if ((this.seen.get(key) ?? 0) > now) return false;
    this.seen.set(key, now + RecentActivities.KEEP_MS);
    if (this.seen.size > RecentActivities.MAX) {
      for (const [k, until] of this.seen) if (until <= now || this.seen.size > RecentActivities.MAX) this.seen.delete(k);
    }
    return true;
  }

  /** Forgets a key, so that a copy is handled after all (the first attempt failed). */
  release(key: string): void {
    this.seen.delete(key);
  }
}
