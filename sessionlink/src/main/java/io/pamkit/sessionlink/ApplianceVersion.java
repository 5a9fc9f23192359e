// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.sessionlink.model.ProductVersion;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A version of either appliance, as release notes, {@code Status.ApplianceVersion}, {@code
 * ProductVersion} and the session appliance's {@code firmware_version} write it: {@code 7.0 LTS},
 * {@code 6.0.6 LTS}, {@code 6.6}, {@code 6.6.1}, {@code SPP 8.2.0.21662}.
 *
 * <p>Long Term Supported releases are {@code X.0} and their maintenance releases {@code X.0.N};
 * feature releases are {@code X.Y} with Y at least 1, and {@code X.Y.Z} their maintenance releases.
 * A trailing {@code LTS} is accepted and must agree with the number.
 *
 * @param major the major version
 * @param minor the minor version; 0 for an LTS release
 * @param maintenance the maintenance (revision) number; 0 when absent
 * @param build the build number, or null when absent
 */
public record ApplianceVersion(int major, int minor, int maintenance, @Nullable Integer build)
    implements Comparable<ApplianceVersion> {
  private static final Pattern FORM =
      Pattern.compile(
          "^(?:(?:SPP|SPS)\\s+)?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?(?:\\.(\\d{1,9}))?(?:\\s+(LTS))?$");

  /**
   * Checks the components.
   *
   * @throws IllegalArgumentException if a number is negative
   */
  public ApplianceVersion {
    if (major < 0 || minor < 0 || maintenance < 0 || (build != null && build < 0)) {
      throw new IllegalArgumentException(
          "version components must not be negative: " + major + "." + minor + "." + maintenance);
    }
  }

  /**
   * Parses a version text.
   *
   * @param text e.g. {@code 6.0.6 LTS}, {@code 7.5}, {@code SPP 8.2.0.21662}
   * @return the version
   * @throws ValidationException naming {@code version} if the text is not a version, or says LTS
   *     for a feature release
   */
  public static ApplianceVersion parse(String text) {
    requireNonNull(text, "text");
    Matcher m = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ValidationException(
          "version",
          "'" + text + "' is not a version like 7.0 LTS, 6.0.6 LTS, 6.6, 6.6.1 or 8.2.0.21662");
    }
    int minor = Integer.parseInt(m.group(2));
    if (m.group(5) != null && minor != 0) {
      throw new ValidationException(
          "version",
          "'"
              + text
              + "' says LTS, but LTS releases are X.0 or X.0.N; "
              + m.group(1)
              + "."
              + minor
              + " is a feature release");
    }
    return new ApplianceVersion(
        Integer.parseInt(m.group(1)),
        minor,
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
        m.group(4) == null ? null : Integer.valueOf(m.group(4)));
  }

  /**
   * Converts the password appliance's {@code ProductVersion}.
   *
   * @param v the API value
   * @return the version
   * @throws ValidationException if {@code Major} or {@code Minor} is missing
   */
  public static ApplianceVersion of(ProductVersion v) {
    if (v.major() == null || v.minor() == null) {
      throw new ValidationException("ProductVersion", "Major and Minor are required, got " + v);
    }
    return new ApplianceVersion(
        v.major(), v.minor(), v.revision() == null ? 0 : v.revision(), v.build());
  }

  /**
   * Returns whether this is a Long Term Supported release (or one of its maintenance releases).
   *
   * @return true for {@code X.0} and {@code X.0.N}
   */
  public boolean lts() {
    return minor == 0;
  }

  /**
   * Returns the release line, {@code major.minor}, that the link compares.
   *
   * @return e.g. {@code 6.6}
   */
  public String release() {
    return major + "." + minor;
  }

  /**
   * Compares major, minor, maintenance, then build (absent first).
   *
   * @param o the other version
   * @return the comparison
   */
  @Override
  public int compareTo(ApplianceVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(maintenance, o.maintenance);
    }
    if (c == 0) {
      c = Integer.compare(build == null ? -1 : build, o.build == null ? -1 : o.build);
    }
    return c;
  }

  /** Returns the text form, e.g. {@code 6.0.6 LTS} or {@code 8.2.0.21662}. */
  @Override
  public String toString() {
    String s = major + "." + minor + (maintenance > 0 || build != null ? "." + maintenance : "");
    if (build != null) {
      s += "." + build;
    }
    return lts() ? s + " LTS" : s;
  }
}
