/**
 * Exchange Web Services: {@link io.pamkit.notify.ews.EwsTransport} sends email with a SOAP 1.1
 * {@code CreateItem} request over java.net.http, configured by {@link
 * io.pamkit.notify.ews.EwsConfig}, created from settings by {@link
 * io.pamkit.notify.ews.EwsTransportProvider} (provider name {@code "ews"}).
 *
 * <p>Exchange Online blocks EWS from 1 October 2026 and removes it on 1 April 2027; on-premises
 * Exchange is unaffected. Use SMTP (or another provider) for Microsoft 365.
 *
 * <p>Parameters and return values are never null unless marked. The transport and the
 * configuration are thread-safe; builders are not.
 */
@NullMarked
package io.pamkit.notify.ews;

import org.jspecify.annotations.NullMarked;
