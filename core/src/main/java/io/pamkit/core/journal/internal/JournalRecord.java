// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.journal.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * One journal record: a state change of one notification, identified by its idempotency key and
 * channel. On disk a record is framed as {@code MAGIC(4) LENGTH(4) CRC32C(4) PAYLOAD(LENGTH)},
 * big-endian, where the CRC32C covers the length and the payload, so that a damaged length is
 * detected too and the scanner can find the next record by its magic.
 *
 * @param op the state change
 * @param key the notification's idempotency key
 * @param channel the notification's channel
 * @param subscriberId the subscriber's id ({@link Op#ACCEPTED} and {@link Op#DEAD_LETTERED})
 * @param event the event ({@link Op#ACCEPTED} and {@link Op#DEAD_LETTERED}), else null
 * @param reason why it was dead-lettered ({@link Op#DEAD_LETTERED}), else empty
 * @param attempts how many attempts failed ({@link Op#DEAD_LETTERED}), else 0
 * @param time when the change happened
 */
public record JournalRecord(
    Op op,
    String key,
    String channel,
    int subscriberId,
    @Nullable ApplianceEvent event,
    String reason,
    int attempts,
    Instant time) {

  /** Marks the start of every record: {@code "PJR1"}. */
  public static final int MAGIC = 0x504A5231;

  /** Bytes before the payload: magic, length and checksum. */
  public static final int HEADER = 12;

  /** The largest payload accepted when reading; anything larger is damage. */
  public static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  /** A notification's state change. */
  public enum Op {
    /** Accepted for delivery (or accepted again); the record holds the notification. */
    ACCEPTED(1),
    /** Delivered; nothing more to do. */
    DELIVERED(2),
    /** Given up; the record holds the notification and the reason. */
    DEAD_LETTERED(3),
    /** A dead letter handed back for delivery. */
    REDRIVEN(4),
    /** A dead letter deleted on purpose. */
    PURGED(5);

    private final int code;

    Op(int code) {
      this.code = code;
    }

    static Op of(int code) {
      for (Op op : values()) {
        if (op.code == code) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown record type " + code);
    }
  }

  /** Validates the components. */
  public JournalRecord {
    requireNonNull(op, "op");
    requireNonNull(key, "key");
    requireNonNull(channel, "channel");
    requireNonNull(reason, "reason");
    requireNonNull(time, "time");
    if ((op == Op.ACCEPTED || op == Op.DEAD_LETTERED) && event == null) {
      throw new IllegalArgumentException(op + " needs the event");
    }
  }

  /**
   * Returns the id of the notification this record is about: channel and key.
   *
   * @return {@code channel + ":" + key}
   */
  public String id() {
    return id(channel, key);
  }

  /**
   * Returns the id of a notification.
   *
   * @param channel the channel
   * @param key the idempotency key
   * @return {@code channel + ":" + key}
   */
  public static String id(String channel, String key) {
    return channel + ":" + key;
  }

  /**
   * Encodes this record with its frame.
   *
   * @return the framed bytes, ready to append
   */
  public byte[] encode() {
    Out out = new Out();
    out.u8(op.code);
    out.str(key);
    out.str(channel);
    out.i64(time.getEpochSecond());
    out.i32(time.getNano());
    if (op == Op.ACCEPTED || op == Op.DEAD_LETTERED) {
      ApplianceEvent e = requireNonNull(event);
      out.i32(subscriberId);
      out.str(e.id());
      out.str(e.name());
      out.i64(e.time().getEpochSecond());
      out.i32(e.time().getNano());
      out.str(e.applianceId());
      out.str(e.level().wireName());
      String objectType = e.objectType();
      String objectId = e.objectId();
      if (objectType != null && objectId != null) {
        out.u8(1);
        out.str(objectType);
        out.str(objectId);
      } else {
        out.u8(0);
      }
      out.i32(e.properties().size());
      for (Map.Entry<String, String> p : e.properties().entrySet()) {
        out.str(p.getKey());
        out.str(p.getValue());
      }
    }
    if (op == Op.DEAD_LETTERED) {
      out.str(reason);
      out.i32(attempts);
    }
    int length = out.size - HEADER;
    ByteBuffer b = ByteBuffer.wrap(out.bytes, 0, out.size);
    b.putInt(0, MAGIC);
    b.putInt(4, length);
    b.putInt(8, checksum(out.bytes, 4, length));
    byte[] framed = new byte[out.size];
    System.arraycopy(out.bytes, 0, framed, 0, out.size);
    return framed;
  }

  /**
   * Computes the checksum a frame must carry.
   *
   * @param lengthAndPayload a buffer holding the 4 length bytes at {@code lengthAt} and the payload
   *     right after the checksum
   * @param lengthAt where the length field starts
   * @param length the payload length
   * @return the CRC32C of the length bytes and the payload
   */
  static int checksum(byte[] lengthAndPayload, int lengthAt, int length) {
    CRC32C crc = new CRC32C();
    crc.update(lengthAndPayload, lengthAt, 4);
    crc.update(lengthAndPayload, lengthAt + 8, length);
    return (int) crc.getValue();
  }

  /**
   * Decodes a payload whose checksum was verified.
   *
   * @param payload the bytes
   * @param offset where the payload starts
   * @param length its length
   * @return the record
   * @throws IllegalArgumentException if the payload is not a record (a bug, or damage the checksum
   *     did not catch)
   */
  static JournalRecord decode(byte[] payload, int offset, int length) {
    ByteBuffer in = ByteBuffer.wrap(payload, offset, length);
    try {
      Op op = Op.of(in.get() & 0xff);
      String key = str(in);
      String channel = str(in);
      Instant time = Instant.ofEpochSecond(in.getLong(), in.getInt());
      int subscriberId = 0;
      ApplianceEvent event = null;
      String reason = "";
      int attempts = 0;
      if (op == Op.ACCEPTED || op == Op.DEAD_LETTERED) {
        subscriberId = in.getInt();
        String id = str(in);
        String name = str(in);
        Instant eventTime = Instant.ofEpochSecond(in.getLong(), in.getInt());
        String applianceId = str(in);
        String levelName = str(in);
        EventLevel level =
            EventLevel.fromWireName(levelName)
                .orElseThrow(
                    () -> new IllegalArgumentException("unknown event level '" + levelName + "'"));
        ApplianceEvent.Builder b =
            ApplianceEvent.builder(name)
                .id(id)
                .time(eventTime)
                .applianceId(applianceId)
                .level(level);
        if (in.get() == 1) {
          String objectType = str(in);
          b.object(objectType, str(in));
        }
        int properties = in.getInt();
        if (properties < 0 || properties > length) {
          throw new IllegalArgumentException("bad property count " + properties);
        }
        for (int i = 0; i < properties; i++) {
          String k = str(in);
          b.property(k, str(in));
        }
        event = b.build();
      }
      if (op == Op.DEAD_LETTERED) {
        reason = str(in);
        attempts = in.getInt();
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " trailing bytes");
      }
      return new JournalRecord(op, key, channel, subscriberId, event, reason, attempts, time);
    } catch (java.nio.BufferUnderflowException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("malformed record: " + e.getClass().getSimpleName(), e);
    }
  }

  private static String str(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Returns the op, key and channel; never event property values. */
  @Override
  public String toString() {
    return "JournalRecord{" + op + ", key=" + key + ", channel=" + channel + "}";
  }

  /** A growable big-endian buffer that starts with room for the frame header. */
  private static final class Out {
    byte[] bytes = new byte[256];
    int size = HEADER;

    void ensure(int n) {
      if (size + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
      }
    }

    void u8(int v) {
      ensure(1);
      bytes[size++] = (byte) v;
    }

    void i32(int v) {
      ensure(4);
      ByteBuffer.wrap(bytes, size, 4).putInt(v);
      size += 4;
    }

    void i64(long v) {
      ensure(8);
      ByteBuffer.wrap(bytes, size, 8).putLong(v);
      size += 8;
    }

    void str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }
  }
}
