// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import io.pamkit.core.internal.Arguments;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link EventDispatcher#publish} does when a lane's queue is full. Never a silent drop: the
 * publisher either waits up to a timeout or gets a {@link PublishRejectedException} that carries
 * the notifications it could not hand over.
 *
 * <p>Immutable and thread-safe.
 */
public final class BackPressure {
  private static final BackPressure REFUSE = new BackPressure(null);

  private final @Nullable Duration timeout;

  private BackPressure(@Nullable Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Refuses at once: a full lane makes {@code publish} throw {@link PublishRejectedException}.
   *
   * @return the refusing policy
   */
  public static BackPressure refuse() {
    return REFUSE;
  }

  /**
   * Blocks the publishing thread until the lane has room, for at most {@code timeout}, then refuses
   * as {@link #refuse()} does.
   *
   * @param timeout the longest wait; positive
   * @return a blocking policy
   * @throws IllegalArgumentException if the timeout is zero or negative
   */
  public static BackPressure block(Duration timeout) {
    return new BackPressure(Arguments.positive("timeout", timeout));
  }

  /**
   * Returns whether the policy blocks before refusing.
   *
   * @return true for {@link #block(Duration)}
   */
  public boolean blocks() {
    return timeout != null;
  }

  /**
   * Returns how long a publisher waits for room.
   *
   * @return the timeout; {@link Duration#ZERO} for {@link #refuse()}
   */
  public Duration timeout() {
    return timeout == null ? Duration.ZERO : timeout;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof BackPressure && Objects.equals(((BackPressure) o).timeout, timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(timeout);
  }

  @Override
  public String toString() {
    return timeout == null ? "BackPressure.refuse()" : "BackPressure.block(" + timeout + ")";
  }
}
