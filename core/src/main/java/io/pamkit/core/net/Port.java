// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

/**
 * A TCP or UDP port number, 1 to 65535.
 *
 * @param value the port number
 */
public record Port(int value) {

  /**
   * Validates the port.
   *
   * @param value the port number
   * @throws InvalidValueException (field {@code Port}) if the value is outside 1..65535
   */
  public Port {
    check("Port", value);
  }

  /**
   * Returns a port.
   *
   * @param value 1 to 65535
   * @return the port
   * @throws InvalidValueException (field {@code Port}) if the value is outside 1..65535
   */
  public static Port of(int value) {
    return new Port(value);
  }

  /**
   * Checks a port number held by a field of another name.
   *
   * @param field the field name for the error, e.g. {@code "PortNumber"}
   * @param value the port number
   * @return the port
   * @throws InvalidValueException naming {@code field} if the value is outside 1..65535
   */
  public static Port of(String field, int value) {
    check(field, value);
    return new Port(value);
  }

  /**
   * Returns whether a number is a valid port, for parsers that reject without an exception.
   *
   * @param value the number
   * @return true for 1 to 65535
   */
  public static boolean isValid(int value) {
    return value >= 1 && value <= 65535;
  }

  private static void check(String field, int value) {
    if (!isValid(value)) {
      throw new InvalidValueException(field, value + " is outside 1..65535");
    }
  }

  /** Returns the number in decimal. */
  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
