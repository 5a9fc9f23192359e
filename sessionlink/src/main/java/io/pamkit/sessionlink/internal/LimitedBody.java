// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A {@code java.net.http} body handler that reads at most a number of bytes and fails with {@link
 * TooLargeException} beyond it, so a broken or hostile peer cannot exhaust the heap (security
 * review M14).
 */
public final class LimitedBody {
  private LimitedBody() {}

  /** The body was larger than the limit; the connection is cancelled. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int limit) {
      super("the response body is larger than " + limit + " bytes");
    }
  }

  /**
   * Returns a handler that keeps at most {@code limit} bytes.
   *
   * @param limit the largest body accepted
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> upTo(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit " + limit + " must be positive");
    }
    return info -> new Subscriber(limit);
  }

  /**
   * Returns a handler that keeps at most {@link Json#MAX_DOCUMENT_BYTES}.
   *
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> standard() {
    return upTo(Json.MAX_DOCUMENT_BYTES);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final int limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    Subscriber(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if ((long) out.size() + b.remaining() > limit) {
          // Flow guarantees onSubscribe before the first onNext
          java.util.Objects.requireNonNull(subscription, "onNext before onSubscribe").cancel();
          result.completeExceptionally(new TooLargeException(limit));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
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
