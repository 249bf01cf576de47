import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rate-limit.js';

function limiterAt(limit: number, windowMs: number) {
  const clock = { now: 0 };
  return { clock, limiter: new RateLimiter(limit, windowMs, () => clock.now) };
}

describe('RateLimiter', () => {
  it('allows the limit within a window, then says how long to wait', () => {
    const { clock, limiter } = limiterAt(3, 60_000);
    expect([limiter.attempt('a'), limiter.attempt('a'), limiter.attempt('a')]).toEqual([0, 0, 0]);
    clock.now = 10_000;
    expect(limiter.attempt('a')).toBe(50_000); // the first attempt leaves the window at 60 s
    expect(limiter.attempt('b')).toBe(0); // per user
  });

  it('slides: an attempt is allowed again once the oldest leaves the window', () => {
    const { clock, limiter } = limiterAt(2, 1_000);
    limiter.attempt('a');
    clock.now = 500;
    limiter.attempt('a');
    clock.now = 999;
    expect(limiter.attempt('a')).toBe(1);
    clock.now = 1_000;
    expect(limiter.attempt('a')).toBe(0);
    expect(limiter.attempt('a')).toBe(500);
  });

  it('resets after a quiet window, and forgets users who stopped asking', () => {
    const { clock, limiter } = limiterAt(1, 1_000);
    for (let user = 0; user < 100; user++) limiter.attempt(`user-${user}`);
    expect(limiter.trackedUsers).toBe(100);
    clock.now = 5_000;
    expect(limiter.attempt('user-1')).toBe(0);
    expect(limiter.trackedUsers).toBe(1);
  });
});
