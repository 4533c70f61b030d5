import { describe, expect, it, vi } from 'vitest';
import { createExportGate } from './export-gate';

const settle = () => new Promise((r) => setImmediate(r));

describe('export gate', () => {
  it('admits exports while they fit, makes the next wait, and admits it when one finishes', async () => {
    const gate = createExportGate({ capacity: 2000, waitMs: 60_000, freeBelow: 200 });
    const a = await gate.acquire(1000);
    const b = await gate.acquire(1000);
    expect(a).toBeTypeOf('function');
    expect(b).toBeTypeOf('function');
    let third: (() => void) | null | undefined;
    void gate.acquire(1000).then((r) => (third = r));
    await settle();
    expect(third).toBeUndefined();
    expect(gate.state()).toEqual({ held: 2000, waiting: 1 });
    a!();
    await settle();
    expect(third).toBeTypeOf('function');
    expect(gate.state()).toEqual({ held: 2000, waiting: 0 });
  });

  it('never makes a small export wait, even when the gate is full', async () => {
    const gate = createExportGate({ capacity: 1000, waitMs: 60_000, freeBelow: 200 });
    await gate.acquire(1000);
    const small = await gate.acquire(23);
    expect(small).toBeTypeOf('function');
    expect(gate.state().held).toBe(1000);
  });

  it('runs a section larger than the whole capacity, alone', async () => {
    const gate = createExportGate({ capacity: 1000, waitMs: 60_000, freeBelow: 200 });
    const huge = await gate.acquire(5000);
    expect(huge).toBeTypeOf('function');
    let next: (() => void) | null | undefined;
    void gate.acquire(300).then((r) => (next = r));
    await settle();
    expect(next).toBeUndefined();
    huge!();
    await settle();
    expect(next).toBeTypeOf('function');
  });

  it('keeps order: a waiting large export is not overtaken by a later one that would fit', async () => {
    const gate = createExportGate({ capacity: 1000, waitMs: 60_000, freeBelow: 200 });
    const first = await gate.acquire(600);
    const order: string[] = [];
    void gate.acquire(800).then(() => order.push('large'));
    void gate.acquire(300).then(() => order.push('later'));
    await settle();
    expect(order).toEqual([]);
    first!();
    await settle();
    expect(order).toEqual(['large']);
  });

  it('refuses after the wait and forgets the waiter', async () => {
    vi.useFakeTimers();
    try {
      const gate = createExportGate({ capacity: 1000, waitMs: 5_000, freeBelow: 200 });
      const held = await gate.acquire(1000);
      const waiting = gate.acquire(500);
      vi.advanceTimersByTime(5_000);
      await expect(waiting).resolves.toBeNull();
      expect(gate.state()).toEqual({ held: 1000, waiting: 0 });
      held!();
      expect(gate.state()).toEqual({ held: 0, waiting: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a release called twice frees its places once', async () => {
    const gate = createExportGate({ capacity: 1000, waitMs: 60_000, freeBelow: 200 });
    const a = await gate.acquire(400);
    await gate.acquire(400);
    a!();
    a!();
    expect(gate.state().held).toBe(400);
  });

  it('lets a waiter whose client went away drop out, and admits the one behind it that now fits', async () => {
    const gate = createExportGate({ capacity: 2000, waitMs: 60_000, freeBelow: 200 });
    await gate.acquire(1500);
    const gone = new AbortController();
    let first: (() => void) | null | undefined;
    let second: (() => void) | null | undefined;
    void gate.acquire(1000, gone.signal).then((r) => (first = r));
    void gate.acquire(400).then((r) => (second = r));
    await settle();
    expect(gate.state()).toEqual({ held: 1500, waiting: 2 });
    gone.abort();
    await settle();
    expect(first).toBeNull();
    expect(second).toBeTypeOf('function');
    expect(gate.state()).toEqual({ held: 1900, waiting: 0 });
  });

  it('admits the next waiter when the one ahead of it times out', async () => {
    vi.useFakeTimers();
    try {
      const gate = createExportGate({ capacity: 2000, waitMs: 5_000, freeBelow: 200 });
      await gate.acquire(1500);
      const big = gate.acquire(1000);
      vi.advanceTimersByTime(1_000);
      const small = gate.acquire(400);
      vi.advanceTimersByTime(4_000);
      await expect(big).resolves.toBeNull();
      await expect(small).resolves.toBeTypeOf('function');
      expect(gate.state()).toEqual({ held: 1900, waiting: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses at once a request whose client has already gone', async () => {
    const gate = createExportGate({ capacity: 2000, waitMs: 60_000, freeBelow: 200 });
    const gone = new AbortController();
    gone.abort();
    expect(await gate.acquire(500, gone.signal)).toBeNull();
    expect(gate.state()).toEqual({ held: 0, waiting: 0 });
  });
});
