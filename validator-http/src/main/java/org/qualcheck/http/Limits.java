package org.qualcheck.http;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;

/**
 * What one server lets a request use: body sizes, time, threads. Every figure is documented in
 * the README and in {@code /api/openapi.json}, since a client needs to know them.
 *
 * @param jsonBytes the largest JSON body (check, plan, count)
 * @param specBytes the largest spec body (lint, structure); the spec reader's own limit is 4 MB
 * @param batchBytes the largest batch body
 * @param timeLimit how long one engine call may take before the request is answered with 503
 * @param workers threads that run engine calls, at most this many at once
 * @param queue engine calls that may wait for a worker; past that the request is answered with 503
 * @param batches batches that may stream at once; past that the request is answered with 503
 * @param idleTimeout how long a connection may send or accept nothing before it is closed
 * @param stopTimeout how long a graceful stop waits for requests in flight
 */
public record Limits(
    int jsonBytes,
    int specBytes,
    long batchBytes,
    Duration timeLimit,
    int workers,
    int queue,
    int batches,
    Duration idleTimeout,
    Duration stopTimeout) {

  public Limits {
    checkArgument(jsonBytes > 0 && specBytes > 0 && batchBytes > 0, "body limits must be positive");
    checkNotNull(timeLimit, "timeLimit");
    checkNotNull(idleTimeout, "idleTimeout");
    checkNotNull(stopTimeout, "stopTimeout");
    checkArgument(!timeLimit.isNegative() && !timeLimit.isZero(), "timeLimit must be positive");
    checkArgument(workers >= 1 && queue >= 0 && batches >= 1, "workers and batches must be at least 1");
  }

  /** The limits {@code qualcheck serve} runs with. */
  public static Limits defaults() {
    int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
    return new Limits(
        1 << 20,
        4 << 20,
        256L << 20,
        Duration.ofSeconds(10),
        workers,
        256,
        2,
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }

  /** The same limits with another time limit per engine call. */
  public Limits withTimeLimit(Duration limit) {
    return new Limits(jsonBytes, specBytes, batchBytes, limit, workers, queue, batches, idleTimeout,
        stopTimeout);
  }

  /** The same limits with other body sizes. */
  public Limits withBodyLimits(int json, int spec, long batch) {
    return new Limits(json, spec, batch, timeLimit, workers, queue, batches, idleTimeout,
        stopTimeout);
  }
}
