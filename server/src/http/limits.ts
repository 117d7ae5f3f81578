import { MAX_BATCH_SIZE } from '@handoff/shared';

/**
 * Limits that keep one misbehaving client from stalling or exhausting the server. Each is a
 * default of `ServerOptions.limits`; the numbers are what the tests and benchmarks assume.
 */
export interface HttpLimits {
  /** Largest request body. */
  maxBodyBytes: number;
  /** Calls in one batched tRPC request. */
  maxBatchSize: number;
  /** Time to receive a request's headers, and the whole request (a body sent byte by byte is cut). */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections from one address, and in all. */
  maxConnectionsPerAddress: number;
  maxConnections: number;
  /** Live event streams one user may hold open at once. */
  maxStreamsPerUser: number;
  /** Bytes a live stream may have waiting for a reader that does not read before it is cut off. */
  maxStreamBufferBytes: number;
  /** How long a live stream with events to send may wait for a reader that does not read. */
  maxStreamStallMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 1024 * 1024,
  maxBatchSize: MAX_BATCH_SIZE,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnectionsPerAddress: 256,
  maxConnections: 10_000,
  maxStreamsPerUser: 24,
  maxStreamBufferBytes: 512 * 1024,
  maxStreamStallMs: 15_000,
};
