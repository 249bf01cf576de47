/** At most `limit` events per user in any sliding window of `windowMs`. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns 0 when allowed, otherwise the milliseconds until the next one is. */
  attempt(userId: string): number {
    const now = this.now();
    this.forgetIdleUsers(now);
    const recent = (this.events.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(userId, recent);
      return this.windowMs - (now - recent[0]!);
    }
    recent.push(now);
    this.events.set(userId, recent);
    return 0;
  }

  /** How many users are remembered (for tests: the map does not grow with every user ever seen). */
  get trackedUsers(): number {
    return this.events.size;
  }

  // Once a window: users with no attempt in the last window are forgotten.
  private forgetIdleUsers(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [user, times] of this.events) if (times.every((t) => now - t >= this.windowMs)) this.events.delete(user);
  }
}
