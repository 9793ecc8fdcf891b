// A small closed-loop HTTP load generator: N workers share a keep-alive agent of N sockets, each
// sending its next request as soon as the previous response body is read. Only talks to
// 127.0.0.1, for a bounded time. Several targets can be measured in alternating slices so that
// a change in background load hits them alike.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats.ts';

export interface TargetOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:41234 (must be 127.0.0.1). */
  url: string;
  path: string;
  headers?: Record<string, string>;
  concurrency: number;
}

export interface LoadResult {
  /** Responses measured (all slices). */
  requests: number;
  /** Of those, non-200 answers and failed requests. */
  errors: number;
  /** Measured responses ÷ measured time (each slice: first request sent → last response read). */
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Mean body size of the measured 200 responses. */
  bytes: number;
  statuses: Record<string, number>;
  measuredMs: number;
}

const MAX_CONCURRENCY = 64;
const MAX_TOTAL_MS = 60_000;

export class Target {
  private readonly agent: http.Agent;
  private readonly port: number;
  private readonly latencies: number[] = [];
  private readonly statuses: Record<string, number> = {};
  private errors = 0;
  private okBytes = 0;
  private okCount = 0;
  private measuredMs = 0;
  private spentMs = 0;

  constructor(private readonly o: TargetOptions) {
    const base = new URL(o.url);
    if (base.hostname !== '127.0.0.1') throw new Error(`load generator only targets 127.0.0.1, not ${base.hostname}`);
    if (o.concurrency < 1 || o.concurrency > MAX_CONCURRENCY) throw new Error(`concurrency must be 1..${MAX_CONCURRENCY}`);
    this.port = Number(base.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency, maxFreeSockets: o.concurrency });
  }

  private once(): Promise<{ status: number; size: number }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: this.port, path: this.o.path, method: 'GET', agent: this.agent, headers: this.o.headers }, (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => { size += chunk.length; });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, size }));
        res.on('error', reject);
      });
      req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end();
    });
  }

  /**
   * Runs the workers for `ms` (no request starts after that; those in flight finish). When
   * `record` is set, every response of the slice is measured and the slice's time, from its
   * start to its last response, counts as measured time.
   */
  async run(ms: number, record: boolean): Promise<void> {
    if (this.spentMs + ms > MAX_TOTAL_MS) throw new Error(`a target is loaded for at most ${MAX_TOTAL_MS / 1000} s`);
    this.spentMs += ms;
    const start = performance.now();
    const deadline = start + ms;
    const worker = async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let status = 'error';
        let size = 0;
        try {
          const r = await this.once();
          status = String(r.status);
          size = r.size;
        } catch {
          await new Promise((r) => setTimeout(r, 5)); // no tight loop against a dead server
        }
        if (!record) continue;
        this.latencies.push(performance.now() - t0);
        this.statuses[status] = (this.statuses[status] ?? 0) + 1;
        if (status === '200') { this.okCount++; this.okBytes += size; } else this.errors++;
      }
    };
    await Promise.all(Array.from({ length: this.o.concurrency }, worker));
    if (record) this.measuredMs += performance.now() - start;
  }

  result(): LoadResult {
    const xs = this.latencies;
    return {
      requests: xs.length,
      errors: this.errors,
      rps: this.measuredMs ? xs.length / (this.measuredMs / 1000) : 0,
      p50: percentile(xs, 50),
      p99: percentile(xs, 99),
      max: xs.length ? xs.reduce((m, x) => (x > m ? x : m), 0) : Number.NaN,
      bytes: this.okCount ? this.okBytes / this.okCount : 0,
      statuses: { ...this.statuses },
      measuredMs: this.measuredMs,
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Warms each target up in turn, then measures them in alternating slices (A B A B …) until each
 * has had `durationMs` of load. Returns one result per target, in order.
 */
export async function runInterleaved(targets: Target[], o: { warmupMs: number; durationMs: number; slices: number }): Promise<LoadResult[]> {
  const slices = Math.max(1, Math.round(o.slices));
  for (const t of targets) await t.run(o.warmupMs, false);
  for (let i = 0; i < slices; i++) {
    for (const t of targets) await t.run(o.durationMs / slices, true);
  }
  return targets.map((t) => t.result());
}
