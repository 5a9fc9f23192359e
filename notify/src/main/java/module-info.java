/**
 * pamkit notify: the {@link io.pamkit.core.dispatch.spi.Transport} SPI and the transports
 * that deliver appliance events by email (SMTP, SendGrid, EWS), syslog and SNMP.
 */
module io.pamkit.notify {
  requires transitive io.pamkit.core;
  requires static transitive org.jspecify;
  requires jakarta.mail;
  requires org.eclipse.angus.mail;
  requires java.naming;
  requires org.snmp4j;
  requires java.net.http;
  requires java.xml;

  exports io.pamkit.notify;
  exports io.pamkit.notify.spi;
  exports io.pamkit.notify.smtp;
  exports io.pamkit.notify.template;
  exports io.pamkit.notify.syslog;
  exports io.pamkit.notify.snmp;
  exports io.pamkit.notify.email;
  exports io.pamkit.notify.sendgrid;
  exports io.pamkit.notify.ews;

  uses io.pamkit.notify.spi.TransportProvider;

  provides io.pamkit.notify.spi.TransportProvider with
      io.pamkit.notify.InMemoryTransportProvider,
      io.pamkit.notify.smtp.SmtpTransportProvider,
      io.pamkit.notify.syslog.SyslogTransportProvider,
      io.pamkit.notify.snmp.SnmpTransportProvider,
      io.pamkit.notify.sendgrid.SendGridTransportProvider,
      io.pamkit.notify.ews.EwsTransportProvider;
}
