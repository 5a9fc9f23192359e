// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.syslog.internal;

import java.util.Arrays;

/**
 * A growable byte buffer that encodes text as UTF-8 without allocating. One instance is reused per
 * thread (formatting) or per connection (framing), so the hot path allocates nothing once the
 * buffer has grown to the size of the largest message.
 *
 * <p>Not thread-safe.
 */
public final class ByteBuf {
  private byte[] bytes;
  private int length;

  /**
   * Creates a buffer.
   *
   * @param capacity the initial capacity in bytes
   */
  public ByteBuf(int capacity) {
    this.bytes = new byte[capacity];
  }

  /** Empties the buffer, keeping its storage. */
  public void reset() {
    length = 0;
  }

  /**
   * Returns the backing array; bytes {@code 0..length()-1} are the content.
   *
   * @return the array (not a copy)
   */
  public byte[] array() {
    return bytes;
  }

  /**
   * Returns the number of bytes written.
   *
   * @return the length
   */
  public int length() {
    return length;
  }

  /**
   * Cuts the content to the given length.
   *
   * @param newLength the new length, at most {@link #length()}
   */
  public void truncate(int newLength) {
    if (newLength < 0 || newLength > length) {
      throw new IllegalArgumentException("newLength " + newLength + " outside 0.." + length);
    }
    length = newLength;
  }

  /**
   * Returns a copy of the content.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }

  /**
   * Appends one byte.
   *
   * @param b the byte
   * @return this buffer
   */
  public ByteBuf put(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
    return this;
  }

  /**
   * Appends bytes.
   *
   * @param src the source
   * @param off the first byte
   * @param len the number of bytes
   * @return this buffer
   */
  public ByteBuf put(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, bytes, length, len);
    length += len;
    return this;
  }

  /**
   * Appends the content of another buffer.
   *
   * @param other the buffer to copy
   * @return this buffer
   */
  public ByteBuf put(ByteBuf other) {
    return put(other.bytes, 0, other.length);
  }

  /**
   * Appends a string known to be ASCII (each char is written as one byte).
   *
   * @param s the string
   * @return this buffer
   */
  public ByteBuf ascii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[length++] = (byte) s.charAt(i);
    }
    return this;
  }

  /**
   * Appends a non-negative decimal number.
   *
   * @param value the number
   * @return this buffer
   */
  public ByteBuf decimal(long value) {
    if (value < 0) {
      put('-');
      value = -value;
    }
    int digits = 1;
    for (long v = value / 10; v != 0; v /= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  /**
   * Appends a number with leading zeros to the given width.
   *
   * @param value the non-negative number
   * @param width the number of digits
   * @return this buffer
   */
  public ByteBuf padded(int value, int width) {
    ensure(width);
    for (int i = length + width - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += width;
    return this;
  }

  /**
   * Appends the code point as UTF-8. Unpaired surrogates are written as {@code ?}.
   *
   * @param cp the code point
   * @return this buffer
   */
  public ByteBuf codePoint(int cp) {
    if (cp < 0x80) {
      ensure(1);
      bytes[length++] = (byte) cp;
    } else if (cp < 0x800) {
      ensure(2);
      bytes[length++] = (byte) (0xC0 | (cp >> 6));
      bytes[length++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        return put('?');
      }
      ensure(3);
      bytes[length++] = (byte) (0xE0 | (cp >> 12));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      ensure(4);
      bytes[length++] = (byte) (0xF0 | (cp >> 18));
      bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (cp & 0x3F));
    }
    return this;
  }

  /**
   * Appends text as UTF-8.
   *
   * @param s the text
   * @return this buffer
   */
  public ByteBuf utf8(CharSequence s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        ensure(1);
        bytes[length++] = (byte) c;
      } else {
        int cp = c;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          cp = Character.toCodePoint(c, s.charAt(++i));
        }
        codePoint(cp);
      }
    }
    return this;
  }

  /**
   * Returns the largest length not above {@code max} that does not split a UTF-8 sequence.
   *
   * @param max the maximum length in bytes
   * @return a length at a character boundary, at most {@code max}
   */
  public int utf8Boundary(int max) {
    if (max >= length) {
      return length;
    }
    int end = max;
    // step back over continuation bytes (10xxxxxx) to the start of the cut character
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return end;
  }
}
