// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * One message a {@link Mailbox} read: its id in the mailbox and its raw RFC 5322 bytes, or, when it
 * was larger than the mailbox's limit, only its size (the content is then never downloaded).
 *
 * <p>Immutable and thread-safe.
 */
public final class InboundMessage {
  private final String mailboxId;
  private final byte @Nullable [] content;
  private final long size;

  private InboundMessage(String mailboxId, byte @Nullable [] content, long size) {
    this.mailboxId = requireNonNull(mailboxId, "mailboxId");
    this.content = content;
    this.size = size;
  }

  /**
   * Creates a message from its raw bytes.
   *
   * @param mailboxId the mailbox's id of the message (an IMAP UID, a Graph message id)
   * @param rfc5322 the raw message; copied
   * @return the message
   */
  public static InboundMessage of(String mailboxId, byte[] rfc5322) {
    requireNonNull(rfc5322, "rfc5322");
    return new InboundMessage(mailboxId, rfc5322.clone(), rfc5322.length);
  }

  /**
   * Creates the stand-in for a message that was too large to download.
   *
   * @param mailboxId the mailbox's id of the message
   * @param size its size in bytes as the server reported it
   * @return the message, without content
   */
  public static InboundMessage tooLarge(String mailboxId, long size) {
    return new InboundMessage(mailboxId, null, size);
  }

  /**
   * Returns the mailbox's id of the message.
   *
   * @return the id
   */
  public String mailboxId() {
    return mailboxId;
  }

  /**
   * Returns the raw message.
   *
   * @return a stream over the bytes, or null when the message was too large to download
   */
  public @Nullable InputStream content() {
    return content == null ? null : new ByteArrayInputStream(content);
  }

  /**
   * Returns the message's size in bytes.
   *
   * @return the size, when known
   */
  public OptionalLong size() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** Returns the mailbox id and the size; never the content. */
  @Override
  public String toString() {
    return "InboundMessage{mailboxId=" + mailboxId + ", size=" + size + "}";
  }
}
