// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.secret;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link CredentialResolver} that reads secrets from environment variables, for containers and CI
 * systems that inject secrets that way.
 *
 * <p><b>Variable naming scheme.</b> The variable of an account is
 *
 * <pre>{@code PREFIX + KIND + "__" + OWNER + "__" + NAME}</pre>
 *
 * where {@code PREFIX} is {@code PAMKIT_SECRET_} unless {@linkplain #create(String, Map) given},
 * {@code KIND} is {@code DIRECTORY_ACCOUNT} or {@code ASSET_ACCOUNT}, and {@code OWNER} and {@code
 * NAME} are the account's owner and name in upper case with every character other than {@code A-Z}
 * and {@code 0-9} replaced by an underscore. Parts are separated by <em>two</em> underscores. For
 * example the directory account {@code svc-smtp} of {@code corp.example.com} is read from {@code
 * PAMKIT_SECRET_DIRECTORY_ACCOUNT__CORP_EXAMPLE_COM__SVC_SMTP}. {@link
 * #variableName(AccountReference)} computes the name, and errors name the variable that was looked
 * for (never its value).
 *
 * <p>Thread-safe. The environment is read on every call, so a process that re-reads its environment
 * (or a map given to {@link #create(String, Map)} that changes) sees new values.
 */
public final class EnvironmentCredentialResolver implements CredentialResolver {
  private final String prefix;
  private final Map<String, String> environment;

  private EnvironmentCredentialResolver(String prefix, Map<String, String> environment) {
    this.prefix = prefix;
    this.environment = environment;
  }

  /**
   * Returns a resolver over the process environment ({@link System#getenv()}) with the prefix
   * {@code PAMKIT_SECRET_}.
   *
   * @return the resolver
   */
  public static EnvironmentCredentialResolver create() {
    return new EnvironmentCredentialResolver("PAMKIT_SECRET_", System.getenv());
  }

  /**
   * Returns a resolver over the given variables with the given prefix.
   *
   * @param prefix the prefix of every variable name, e.g. {@code "MYAPP_"}; upper-case letters,
   *     digits and underscores, possibly empty
   * @param environment the variables (read, never copied, on every call)
   * @return the resolver
   * @throws IllegalArgumentException if the prefix has other characters
   */
  public static EnvironmentCredentialResolver create(
      String prefix, Map<String, String> environment) {
    requireNonNull(prefix, "prefix");
    requireNonNull(environment, "environment");
    if (!prefix
        .chars()
        .allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
      throw new IllegalArgumentException(
          "prefix '" + prefix + "' must be upper-case letters, digits and underscores");
    }
    return new EnvironmentCredentialResolver(prefix, environment);
  }

  /**
   * Returns the name of the variable that holds an account's secret.
   *
   * @param reference the account
   * @return the variable name, see the class comment
   */
  public String variableName(AccountReference reference) {
    requireNonNull(reference, "reference");
    return prefix
        + reference.kind().name()
        + "__"
        + normalize(reference.owner())
        + "__"
        + normalize(reference.name());
  }

  /**
   * {@inheritDoc}
   *
   * @throws ValidationException (field {@code AccountReference}) if the variable is not set, naming
   *     the variable
   */
  @Override
  public Secret resolve(AccountReference reference) {
    String variable = variableName(reference);
    String value = environment.get(variable);
    if (value == null) {
      throw new ValidationException(
          "AccountReference",
          reference + " has no secret: environment variable " + variable + " is not set");
    }
    return Secret.of(value);
  }

  private static String normalize(String part) {
    StringBuilder b = new StringBuilder(part.length());
    for (char c : part.toUpperCase(Locale.ROOT).toCharArray()) {
      b.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
    }
    return b.toString();
  }

  /** Returns the prefix; never a value. */
  @Override
  public String toString() {
    return "EnvironmentCredentialResolver{prefix=" + prefix + "}";
  }
}
