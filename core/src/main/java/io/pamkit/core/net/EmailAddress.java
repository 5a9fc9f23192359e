// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.net;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.internal.IpLiterals;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An email address as an RFC 5322 {@code mailbox}: either a bare {@code addr-spec} ({@code
 * alerts@example.com}) or a {@code name-addr} with a display name ({@code "Safeguard Alerts"
 * <alerts@example.com>} or {@code Safeguard Alerts <alerts@example.com>}). It is what the
 * appliance's From address ({@code SenderEmail}) and recipients hold.
 *
 * <p>Rules: at most 512 characters in all (the appliance's limit); no CR or LF anywhere (so a
 * header can never be injected) and no other control character; a local part that is a dot-atom or
 * a quoted string, at most 64 characters (RFC 5321); a domain that is a DNS name (see {@link
 * HostAddress}) or a domain literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}). Comments
 * (CFWS in parentheses) and the obsolete syntax are not accepted. A display name may hold any
 * printable Unicode text; transports encode it (RFC 2047) as needed.
 *
 * <p>Immutable and thread-safe.
 */
public final class EmailAddress {
  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private final @Nullable String displayName;
  private final String localPart;
  private final String domain;

  private EmailAddress(@Nullable String displayName, String localPart, String domain) {
    this.displayName = displayName;
    this.localPart = localPart;
    this.domain = domain;
  }

  /**
   * Parses a mailbox held in a field called {@code EmailAddress}.
   *
   * @param text the mailbox
   * @return the address
   * @throws InvalidValueException if the text is not a valid mailbox
   */
  public static EmailAddress parse(String text) {
    return parse("EmailAddress", text);
  }

  /**
   * Parses a mailbox held in the named field.
   *
   * @param field the field name for the error, e.g. {@code "SenderEmail"}
   * @param text the mailbox
   * @return the address
   * @throws InvalidValueException naming {@code field} if the text is not a valid mailbox
   */
  public static EmailAddress parse(String field, String text) {
    requireNonNull(field, "field");
    requireNonNull(text, field);
    if (text.length() > 512) {
      throw new InvalidValueException(
          field, "is " + text.length() + " characters long; at most 512 are allowed");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new InvalidValueException(
            field,
            "contains "
                + (c == '\r' ? "CR" : "LF")
                + " at index "
                + i
                + "; line breaks are not allowed in an email address");
      }
      if (Character.isISOControl(c)) {
        throw new InvalidValueException(
            field,
            "contains the control character U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i);
      }
    }
    String s = text.strip();
    if (s.isEmpty()) {
      throw new InvalidValueException(field, "is empty; an email address is required");
    }
    if (s.endsWith(">")) {
      int open = findAngle(s);
      if (open < 0) {
        throw new InvalidValueException(field, "'" + text + "' ends with '>' but has no '<'");
      }
      String name = s.substring(0, open).strip();
      String spec = s.substring(open + 1, s.length() - 1);
      String nameProblem = name.isEmpty() ? null : phraseProblem(name);
      if (nameProblem != null) {
        throw new InvalidValueException(
            field, "'" + text + "' has an invalid display name: " + nameProblem);
      }
      return addrSpec(field, text, spec, name.isEmpty() ? null : name);
    }
    return addrSpec(field, text, s, null);
  }

  /**
   * Returns the display name as written (quotes kept), if any.
   *
   * @return the display name
   */
  public Optional<String> displayName() {
    return Optional.ofNullable(displayName);
  }

  /**
   * Returns the local part (before the {@code @}).
   *
   * @return the local part as written
   */
  public String localPart() {
    return localPart;
  }

  /**
   * Returns the domain (after the {@code @}): a DNS name or a bracketed domain literal.
   *
   * @return the domain as written
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the bare {@code addr-spec}, {@code local@domain}, as an SMTP envelope needs it.
   *
   * @return the address without display name
   */
  public String address() {
    return localPart + "@" + domain;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EmailAddress e)) {
      return false;
    }
    return java.util.Objects.equals(displayName, e.displayName)
        && localPart.equals(e.localPart)
        && domain.equalsIgnoreCase(e.domain);
  }

  @Override
  public int hashCode() {
    return localPart.hashCode() * 31 + domain.toLowerCase(java.util.Locale.ROOT).hashCode();
  }

  /** Returns the mailbox: {@code name <local@domain>} or {@code local@domain}. */
  @Override
  public String toString() {
    return displayName == null ? address() : displayName + " <" + address() + ">";
  }

  private static EmailAddress addrSpec(
      String field, String text, String spec, @Nullable String displayName) {
    int at = lastAtOutsideQuotes(spec);
    if (at < 0) {
      throw new InvalidValueException(field, "'" + text + "' has no '@'; expected local@domain");
    }
    String local = spec.substring(0, at);
    String domain = spec.substring(at + 1);
    if (local.isEmpty()) {
      throw new InvalidValueException(field, "'" + text + "' has an empty local part");
    }
    if (local.length() > 64) {
      throw new InvalidValueException(
          field,
          "'"
              + text
              + "' has a local part of "
              + local.length()
              + " characters; at most 64 are allowed");
    }
    String localProblem = local.startsWith("\"") ? quotedProblem(local) : dotAtomProblem(local);
    if (localProblem != null) {
      throw new InvalidValueException(
          field, "'" + text + "' has an invalid local part: " + localProblem);
    }
    if (domain.isEmpty()) {
      throw new InvalidValueException(field, "'" + text + "' has an empty domain");
    }
    String domainProblem = domainProblem(domain);
    if (domainProblem != null) {
      throw new InvalidValueException(
          field, "'" + text + "' has an invalid domain: " + domainProblem);
    }
    return new EmailAddress(displayName, local, domain);
  }

  private static int findAngle(String s) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        last = i;
      }
    }
    return last;
  }

  private static int lastAtOutsideQuotes(String s) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '@') {
        last = i;
      }
    }
    return last;
  }

  private static boolean isAtext(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || ATEXT_SPECIALS.indexOf(c) >= 0;
  }

  private static @Nullable String dotAtomProblem(String s) {
    if (s.startsWith(".") || s.endsWith(".")) {
      return "it starts or ends with a dot";
    }
    if (s.contains("..")) {
      return "it has two dots in a row";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '.' && !isAtext(c)) {
        return "'" + c + "' is not allowed unquoted";
      }
    }
    return null;
  }

  private static @Nullable String quotedProblem(String s) {
    if (s.length() < 2 || !s.endsWith("\"")) {
      return "the quoted string is not closed";
    }
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        if (i + 1 >= s.length() - 1) {
          return "a backslash ends the quoted string";
        }
        i++;
      } else if (c == '"') {
        return "an unescaped quote inside the quoted string";
      }
    }
    return null;
  }

  private static @Nullable String phraseProblem(String name) {
    if (name.startsWith("\"")) {
      return quotedProblem(name);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '"') {
        return "a quote inside an unquoted display name; quote the whole name";
      }
      if (c < 0x80 && !isAtext(c) && c != ' ' && c != '.' && c != '\t') {
        return "'" + c + "' must be inside a quoted display name";
      }
    }
    return null;
  }

  private static @Nullable String domainProblem(String domain) {
    if (domain.startsWith("[")) {
      if (!domain.endsWith("]")) {
        return "the domain literal is not closed with ']'";
      }
      String inner = domain.substring(1, domain.length() - 1);
      if (IpLiterals.isIpv4(inner)) {
        return null;
      }
      if (inner.regionMatches(true, 0, "IPv6:", 0, 5) && IpLiterals.isIpv6(inner.substring(5))) {
        return null;
      }
      return "'" + domain + "' is not [IPv4] or [IPv6:address]";
    }
    if (domain.endsWith(".")) {
      return "it ends with a dot";
    }
    if (domain.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
      return "'"
          + domain
          + "' looks like an IP address; write it as a literal, e.g. ["
          + domain
          + "]";
    }
    return HostAddress.dnsProblem(domain);
  }
}
