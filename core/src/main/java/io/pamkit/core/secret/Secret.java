// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A password, API key, SNMP key or token. Its {@link #toString()} and its Jackson serialisation are
 * always {@code "******"}, so a secret never reaches a log, an exception message or a written
 * document by accident; code that needs the value asks for it with {@link #reveal()} or {@link
 * #chars()}, or lends it to a callback with {@link #withChars} or {@link #withUtf8}, which wipe
 * their copy afterwards. {@link #wipe()} overwrites the value in memory.
 *
 * <p>Thread-safe. Two secrets are equal when their values are equal (compared in constant time).
 */
public final class Secret {
  private static final String MASK = "******";

  private final char[] value;
  private volatile boolean wiped;

  private Secret(char[] value) {
    this.value = value;
  }

  /**
   * Creates a secret holding a copy of the given characters.
   *
   * @param value the secret value; may be empty
   * @return a new secret
   */
  public static Secret of(CharSequence value) {
    requireNonNull(value, "value");
    char[] copy = new char[value.length()];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = value.charAt(i);
    }
    return new Secret(copy);
  }

  /**
   * Creates a secret holding a copy of the given characters; the caller may wipe its array.
   *
   * @param value the secret value
   * @return a new secret
   */
  public static Secret of(char[] value) {
    return new Secret(requireNonNull(value, "value").clone());
  }

  /**
   * Returns the value as a string. Strings cannot be wiped and every call makes a new one: prefer
   * {@link #withChars}, {@link #withUtf8} or {@link #chars()} where the consumer accepts an array,
   * and {@link #anyChar} for checks. A string remains necessary where the consumer takes nothing
   * else: HTTP header values ({@code java.net.http}), jakarta.mail passwords, MSAL client secrets
   * and Jackson-built JSON bodies.
   *
   * @return the value
   * @throws IllegalStateException if the secret was wiped
   */
  public String reveal() {
    checkNotWiped();
    return new String(value);
  }

  /**
   * Returns a copy of the value, which the caller should wipe when done.
   *
   * @return a new array with the value
   * @throws IllegalStateException if the secret was wiped
   */
  public char[] chars() {
    checkNotWiped();
    return value.clone();
  }

  /**
   * Passes a temporary copy of the value to {@code action} and wipes the copy when it returns (or
   * throws), so that no unwipeable {@code String} is made. The action must not keep the array.
   *
   * @param action what to do with the characters
   * @param <T> the result type
   * @return what the action returns
   * @throws IllegalStateException if the secret was wiped
   */
  public <T> T withChars(Function<char[], T> action) {
    requireNonNull(action, "action");
    char[] copy = chars();
    try {
      return action.apply(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /**
   * Passes a temporary UTF-8 encoding of the value to {@code action} and wipes it when it returns
   * (or throws). The action must not keep the array.
   *
   * @param action what to do with the bytes
   * @param <T> the result type
   * @return what the action returns
   * @throws IllegalStateException if the secret was wiped
   */
  public <T> T withUtf8(Function<byte[], T> action) {
    requireNonNull(action, "action");
    byte[] copy = utf8();
    try {
      return action.apply(copy);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /**
   * Returns whether any character of the value matches, without copying the value.
   *
   * @param test the test of one character
   * @return true if a character matches
   * @throws IllegalStateException if the secret was wiped
   */
  public boolean anyChar(IntPredicate test) {
    requireNonNull(test, "test");
    checkNotWiped();
    for (char c : value) {
      if (test.test(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the value encoded as UTF-8, which the caller should wipe when done.
   *
   * @return a new array with the UTF-8 bytes of the value
   * @throws IllegalStateException if the secret was wiped
   */
  public byte[] utf8() {
    checkNotWiped();
    var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    if (buffer.hasArray()) {
      Arrays.fill(buffer.array(), (byte) 0);
    }
    return bytes;
  }

  /**
   * Returns whether the value is empty.
   *
   * @return true for an empty secret
   */
  public boolean isEmpty() {
    return value.length == 0;
  }

  /**
   * Returns the number of characters of the value.
   *
   * @return the length
   */
  public int length() {
    return value.length;
  }

  /** Overwrites the value in memory; later reads throw {@link IllegalStateException}. */
  public void wipe() {
    wiped = true;
    Arrays.fill(value, '\0');
  }

  /**
   * Returns whether {@link #wipe()} was called.
   *
   * @return true once wiped
   */
  public boolean wiped() {
    return wiped;
  }

  private void checkNotWiped() {
    if (wiped) {
      throw new IllegalStateException("secret was wiped");
    }
  }

  /**
   * Compares the characters in time that depends only on the longer length, never on where the
   * values differ; unpaired surrogates are compared as they are, not replaced.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Secret)) {
      return false;
    }
    char[] a = value;
    char[] b = ((Secret) o).value;
    int n = Math.max(a.length, b.length);
    int diff = a.length ^ b.length;
    for (int i = 0; i < n; i++) {
      diff |= (i < a.length ? a[i] : 0) ^ (i < b.length ? b[i] : 0);
    }
    return diff == 0;
  }

  /** Returns a constant: the hash must not reveal anything about the value. */
  @Override
  public int hashCode() {
    return 17;
  }

  /**
   * Returns {@code "******"}, never the value; also the secret's JSON form.
   *
   * @return the mask
   */
  @JsonValue
  @Override
  public String toString() {
    return MASK;
  }
}
