// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@code java.net.http} body handlers that read at most a number of bytes, so that a broken or
 * hostile peer cannot make pamkit buffer an unbounded answer (security review M14). Past the limit
 * the subscriber gives up the connection and either keeps what it has ({@link #truncating}, for
 * answers only shown in messages) or fails ({@link #failing}, for documents that must be whole).
 */
public final class BoundedBody {
  private BoundedBody() {}

  /**
   * A handler that keeps at most {@code maxBytes} bytes and then cancels the rest.
   *
   * @param maxBytes the cap, positive
   * @return the handler; the body is the first {@code maxBytes} bytes at most
   * @throws IllegalArgumentException {@code "maxBytes must be positive: N"} if not positive
   */
  public static HttpResponse.BodyHandler<byte[]> truncating(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    return info -> new Subscriber(maxBytes, null);
  }

  /**
   * A handler that fails with {@code tooLarge.apply(limit)} as soon as the body is longer than
   * {@code limit} bytes, and cancels the rest.
   *
   * @param limit the largest body accepted, positive
   * @param tooLarge makes the failure from the limit
   * @return the handler
   * @throws IllegalArgumentException {@code "limit N must be positive"} if not positive
   */
  public static HttpResponse.BodyHandler<byte[]> failing(
      int limit, IntFunction<? extends IOException> tooLarge) {
    requireNonNull(tooLarge, "tooLarge");
    if (limit <= 0) {
      throw new IllegalArgumentException("limit " + limit + " must be positive");
    }
    return info -> new Subscriber(limit, tooLarge);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final @Nullable IntFunction<? extends IOException> tooLarge;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    Subscriber(int max, @Nullable IntFunction<? extends IOException> tooLarge) {
      this.max = max;
      this.tooLarge = tooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = requireNonNull(s, "subscription");
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      // Flow guarantees onSubscribe before the first onNext
      Flow.Subscription s = requireNonNull(subscription, "onNext before onSubscribe");
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (tooLarge != null && (long) out.size() + b.remaining() > max) {
          s.cancel();
          result.completeExceptionally(tooLarge.apply(max));
          return;
        }
        int n = Math.min(b.remaining(), max - out.size());
        byte[] chunk = new byte[n];
        b.get(chunk);
        out.write(chunk, 0, n);
        if (tooLarge == null && out.size() >= max) {
          s.cancel();
          result.complete(out.toByteArray());
          return;
        }
      }
      s.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
