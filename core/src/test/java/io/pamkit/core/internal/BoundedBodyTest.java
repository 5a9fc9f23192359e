// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * Drives the body subscribers through the {@link Flow} contract the JDK's HTTP client follows;
 * notify's {@code EmailHttpTest} reads an endless body from a real HTTPS server.
 */
final class BoundedBodyTest {
  private static final HttpResponse.ResponseInfo INFO =
      new HttpResponse.ResponseInfo() {
        @Override
        public int statusCode() {
          return 200;
        }

        @Override
        public HttpHeaders headers() {
          return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public HttpClient.Version version() {
          return HttpClient.Version.HTTP_1_1;
        }
      };

  private static final class Upstream implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int limit) {
      super("over " + limit);
    }
  }

  private static List<ByteBuffer> bytes(String text) {
    return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void truncating_longBody_keepsTheCapAndCancels() throws Exception {
    HttpResponse.BodySubscriber<byte[]> s = BoundedBody.truncating(5).apply(INFO);
    Upstream up = new Upstream();
    s.onSubscribe(up);
    s.onNext(bytes("abc"));
    assertFalse(up.cancelled);
    s.onNext(bytes("defgh"));
    assertTrue(up.cancelled);
    assertArrayEquals(
        "abcde".getBytes(StandardCharsets.US_ASCII), s.getBody().toCompletableFuture().get());
  }

  @Test
  void truncating_shortBody_isWhole() throws Exception {
    HttpResponse.BodySubscriber<byte[]> s = BoundedBody.truncating(5).apply(INFO);
    Upstream up = new Upstream();
    s.onSubscribe(up);
    s.onNext(bytes("abcd"));
    s.onComplete();
    assertFalse(up.cancelled);
    assertArrayEquals(
        "abcd".getBytes(StandardCharsets.US_ASCII), s.getBody().toCompletableFuture().get());
  }

  @Test
  void failing_bodyAtTheLimit_isWhole() throws Exception {
    HttpResponse.BodySubscriber<byte[]> s = BoundedBody.failing(5, TooLarge::new).apply(INFO);
    Upstream up = new Upstream();
    s.onSubscribe(up);
    s.onNext(bytes("abc"));
    s.onNext(bytes("de"));
    s.onComplete();
    assertFalse(up.cancelled);
    assertArrayEquals(
        "abcde".getBytes(StandardCharsets.US_ASCII), s.getBody().toCompletableFuture().get());
  }

  @Test
  void failing_bodyOverTheLimit_failsAndCancels() {
    HttpResponse.BodySubscriber<byte[]> s = BoundedBody.failing(5, TooLarge::new).apply(INFO);
    Upstream up = new Upstream();
    s.onSubscribe(up);
    s.onNext(bytes("abc"));
    s.onNext(bytes("def"));
    assertTrue(up.cancelled);
    CompletableFuture<byte[]> body = s.getBody().toCompletableFuture();
    ExecutionException e = assertThrows(ExecutionException.class, body::get);
    assertSame(TooLarge.class, e.getCause().getClass());
    assertEquals("over 5", e.getCause().getMessage());
  }

  @Test
  void limits_notPositive_areRefused() {
    assertEquals(
        "maxBytes must be positive: 0",
        assertThrows(IllegalArgumentException.class, () -> BoundedBody.truncating(0)).getMessage());
    assertEquals(
        "limit -1 must be positive",
        assertThrows(IllegalArgumentException.class, () -> BoundedBody.failing(-1, TooLarge::new))
            .getMessage());
  }
}
