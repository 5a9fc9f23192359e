// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import io.pamkit.core.internal.BoundedBody;
import java.io.IOException;
import java.net.http.HttpResponse;

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
    return BoundedBody.failing(limit, TooLargeException::new);
  }

  /**
   * Returns a handler that keeps at most {@link Json#MAX_DOCUMENT_BYTES}.
   *
   * @return the handler
   */
  public static HttpResponse.BodyHandler<byte[]> standard() {
    return upTo(Json.MAX_DOCUMENT_BYTES);
  }
}
