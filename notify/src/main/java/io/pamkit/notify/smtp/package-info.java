// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The SMTP transport (jakarta.mail with Eclipse Angus): every setting of the appliance's {@code
 * EmailClientConfig} in {@link io.pamkit.notify.smtp.SmtpTransportConfig}, one connection reused
 * for many messages, SMTP reply codes mapped onto the SPI's failure types, and the appliance's test
 * email ({@link io.pamkit.notify.smtp.SmtpTransport#sendTestEmail}). Entry point: {@link
 * io.pamkit.notify.smtp.SmtpTransport#builder}.
 *
 * <p>Secure by default: STARTTLS is required (the connection fails rather than continue in plain
 * text), the server certificate and host name are verified, and no value can add a header.
 *
 * <p>Parameters and return values are never null unless marked. Configuration objects are immutable
 * and thread-safe, builders are not; {@link io.pamkit.notify.smtp.SmtpTransport} is thread-safe.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link DkimSigner}: DKIM signing (RFC 6376) of a MimeMessage, for users whose mail domain
 *       requires DKIM-signed mail.
 *   <li>{@link SmtpAuthentication}: how the SMTP client logs in (none, a password or a vault
 *       account), set by users in SmtpTransportConfig.
 *   <li>{@link SmtpTransport}: the SMTP transport users build in code, or get from
 *       ConfiguredTransports, and run the test email with.
 *   <li>{@link SmtpTransportConfig}: the SMTP settings users build in code or read from the
 *       document's EmailClientConfig.
 *   <li>{@link SmtpTransportProvider}: the ServiceLoader provider of the SMTP transport; public
 *       because ServiceLoader instantiates it.
 *   <li>{@link TestEmailAttempt}: the test email's outcome for one server address, listed in
 *       TestEmailResult for users.
 *   <li>{@link TestEmailResult}: the result of the appliance's test email, returned to users by
 *       SmtpTransport.
 * </ul>
 */
@NullMarked
package io.pamkit.notify.smtp;

import org.jspecify.annotations.NullMarked;
