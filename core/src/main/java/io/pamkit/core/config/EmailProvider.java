package io.pamkit.core.config;

/**
 * One email delivery provider of pamkit's failover chain ({@code EmailProviders} in the
 * configuration document): SMTP, SendGrid or Exchange Web Services. The chain is tried in order
 * of {@linkplain #priority() priority}, lowest number first ("the provider with the lowest
 * priority has the higher precedence"), the order of declaration breaking ties; the next provider
 * is used when one fails.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface EmailProvider
    permits SmtpEmailProvider, SendGridEmailProvider, EwsEmailProvider {

  /**
   * Returns the provider's {@code Type}: {@code Smtp}, {@code SendGrid} or {@code Ews}.
   *
   * @return the type name as written in the document
   */
  String type();

  /**
   * Returns the provider's {@code Name}, unique in the chain.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the provider's {@code Priority}: 0 or more, lower first.
   *
   * @return the priority
   */
  int priority();
}
