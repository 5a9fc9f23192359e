/**
 * The SMTP transport (jakarta.mail with Eclipse Angus): every setting of the appliance's {@code
 * EmailClientConfig} in {@link io.pamkit.notify.smtp.SmtpTransportConfig}, one connection reused
 * for many messages, SMTP reply codes mapped onto the SPI's failure types, and the appliance's
 * test email ({@link io.pamkit.notify.smtp.SmtpTransport#sendTestEmail}). Entry point: {@link
 * io.pamkit.notify.smtp.SmtpTransport#builder}.
 *
 * <p>Secure by default: STARTTLS is required (the connection fails rather than continue in plain
 * text), the server certificate and host name are verified, and no value can add a header.
 *
 * <p>Parameters and return values are never null unless marked. Configuration objects are
 * immutable and thread-safe, builders are not; {@link io.pamkit.notify.smtp.SmtpTransport} is
 * thread-safe.
 */
@NullMarked
package io.pamkit.notify.smtp;

import org.jspecify.annotations.NullMarked;
