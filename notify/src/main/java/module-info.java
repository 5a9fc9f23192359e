// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * pamkit notify: the transports that deliver appliance events by email (SMTP, SendGrid, EWS),
 * syslog and SNMP, and their {@link io.pamkit.core.dispatch.spi.TransportProvider}s.
 */
// msal4j is an automatic module (com.microsoft.aad.msal4j, no module-info): requiring it by name
// is intended, see notify/pom.xml.
@SuppressWarnings("requires-automatic")
module io.pamkit.notify {
  requires transitive io.pamkit.core;
  requires static transitive org.jspecify;
  requires transitive jakarta.mail; // EmailApprovals.approvalEmail returns a MimeMessage
  requires org.eclipse.angus.mail;
  requires java.naming;
  requires org.snmp4j;
  requires java.net.http;
  requires java.xml;
  requires java.security.jgss; // SPNEGO tokens for EWS Negotiate (Kerberos)
  requires jdk.security.auth; // Krb5LoginModule, loaded by name through JAAS
  requires com.microsoft.aad.msal4j;

  exports io.pamkit.notify;
  exports io.pamkit.notify.spi;
  exports io.pamkit.notify.smtp;
  exports io.pamkit.notify.template;
  exports io.pamkit.notify.syslog;
  exports io.pamkit.notify.snmp;
  exports io.pamkit.notify.email;
  exports io.pamkit.notify.sendgrid;
  exports io.pamkit.notify.ews;
  exports io.pamkit.notify.graph;
  exports io.pamkit.notify.oauth;
  exports io.pamkit.notify.approval;

  provides io.pamkit.core.dispatch.spi.TransportProvider with
      io.pamkit.notify.smtp.SmtpTransportProvider,
      io.pamkit.notify.syslog.SyslogTransportProvider,
      io.pamkit.notify.snmp.SnmpTransportProvider,
      io.pamkit.notify.sendgrid.SendGridTransportProvider,
      io.pamkit.notify.ews.EwsTransportProvider,
      io.pamkit.notify.graph.GraphTransportProvider;
}
