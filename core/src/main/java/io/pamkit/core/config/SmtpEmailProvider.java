package io.pamkit.core.config;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An SMTP provider of the email chain: a name, a priority and the SMTP settings, which have the
 * fields of {@link EmailClientConfig} (written beside {@code Type}, {@code Name} and {@code
 * Priority} in the same JSON object). Its {@code ServerAddress} must not be empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class SmtpEmailProvider implements EmailProvider {
  private final String name;
  private final int priority;
  private final EmailClientConfig smtp;

  private SmtpEmailProvider(String name, int priority, EmailClientConfig smtp) {
    this.name = name;
    this.priority = priority;
    this.smtp = smtp;
  }

  /**
   * Creates an SMTP provider.
   *
   * @param name 1 to 255 characters
   * @param priority 0 or more; lower is tried first
   * @param smtp the SMTP settings; the server address must be set
   * @return the provider
   * @throws ValidationException if a rule is broken
   */
  public static SmtpEmailProvider of(String name, int priority, EmailClientConfig smtp) {
    Checks.required("Name", name, 1, 255);
    Checks.range("Priority", priority, 0, Integer.MAX_VALUE);
    requireNonNull(smtp, "smtp");
    if (!smtp.enabled()) {
      throw new ValidationException("ServerAddress", "is required for an Smtp provider");
    }
    return new SmtpEmailProvider(name, priority, smtp);
  }

  /** @return {@code "Smtp"} */
  @Override
  public String type() {
    return "Smtp";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int priority() {
    return priority;
  }

  /** @return the SMTP settings */
  public EmailClientConfig smtp() {
    return smtp;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SmtpEmailProvider
        && ((SmtpEmailProvider) o).name.equals(name)
        && ((SmtpEmailProvider) o).priority == priority
        && ((SmtpEmailProvider) o).smtp.equals(smtp);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + priority;
  }

  @Override
  public String toString() {
    return "SmtpEmailProvider{" + name + ", priority=" + priority + ", " + smtp + "}";
  }
}
