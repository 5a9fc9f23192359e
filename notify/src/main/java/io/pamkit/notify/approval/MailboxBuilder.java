// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.notify.email.ApprovalReply;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The settings that the builders of {@link GraphMailbox} and {@link ImapMailbox} share: the TLS
 * context, the largest message downloaded and the timeout. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
abstract class MailboxBuilder<B extends MailboxBuilder<B>> {
  @Nullable SSLContext sslContext;
  int maxMessageBytes = ApprovalReply.MAX_MESSAGE_BYTES;
  Duration timeout = Duration.ofSeconds(30);

  MailboxBuilder() {}

  /** Returns this builder as its concrete type. */
  abstract B self();

  /**
   * Sets the TLS context (trust anchors, client key). Default: the JVM's default context.
   *
   * @param sslContext the context
   * @return this builder
   */
  public B sslContext(SSLContext sslContext) {
    this.sslContext = requireNonNull(sslContext, "sslContext");
    return self();
  }

  /**
   * Sets the largest message downloaded; a larger one is not handed over whole but as {@link
   * InboundMessage#tooLarge}. Default: {@link ApprovalReply#MAX_MESSAGE_BYTES} (4 MiB).
   *
   * @param bytes 1 to {@link ApprovalReply#MAX_MESSAGE_BYTES}
   * @return this builder
   */
  public B maxMessageBytes(int bytes) {
    if (bytes < 1 || bytes > ApprovalReply.MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "maxMessageBytes must be 1.." + ApprovalReply.MAX_MESSAGE_BYTES + ", got " + bytes);
    }
    this.maxMessageBytes = bytes;
    return self();
  }

  /**
   * Sets the connect and read (for Graph: request) timeout. Default: 30 seconds.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public B timeout(Duration timeout) {
    requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
    return self();
  }
}
