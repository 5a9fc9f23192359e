package io.pamkit.sessionlink.internal;

/** Keeps text from a peer on one line, so it cannot forge log lines or headers. */
public final class Sanitize {
  private Sanitize() {}

  /**
   * Replaces CR, LF and other control characters with a space.
   *
   * @param text the text
   * @return the text on one line
   */
  public static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  /**
   * Rejects a value meant for an HTTP header or URL if it has control characters.
   *
   * @param name the field name, for the message
   * @param value the value
   * @return the value
   * @throws IllegalArgumentException naming the field if it contains CR, LF or another control
   *     character
   */
  public static String headerSafe(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + " contains a control character at index " + i + "; CR/LF are not allowed");
      }
    }
    return value;
  }
}
