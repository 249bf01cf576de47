/** At most `limit` events per user in any sliding window of `windowMs`. */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; returns 0 when allowed, otherwise the milliseconds until the next one is. */
  attempt(userId: string): number {
    const now = this.now();
    const recent = (this.events.get(userId) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(userId, recent);
      return this.windowMs - (now - recent[0]!);
    }
    recent.push(now);
    this.events.set(userId, recent);
    return 0;
  }
}
