// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.email.EmailTransportBuilder;
import io.pamkit.notify.email.internal.CertificateTrust;
import io.pamkit.notify.email.internal.EmailHttp;
import io.pamkit.notify.email.internal.EmailSending;
import io.pamkit.notify.email.internal.OutboundEmail;
import io.pamkit.notify.ews.internal.Kerberos;
import io.pamkit.notify.ews.internal.NtlmHttp;
import io.pamkit.notify.spi.RecipientResolver;
import io.pamkit.notify.template.BodyFormat;
import io.pamkit.notify.template.EmailTemplates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.LoginException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.ietf.jgss.GSSException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Delivers notifications through Exchange Web Services: one SOAP 1.1 {@code CreateItem} request per
 * email ({@code MessageDisposition="SendAndSaveCopy"} by default, copy in Sent Items), with {@code
 * RequestServerVersion} and, when configured, {@code ExchangeImpersonation} of the sender mailbox.
 * Authentication is HTTP Basic (a password or a vaulted account's), an OAuth bearer token, NTLM, or
 * {@code Negotiate}: Kerberos through the JDK's JGSS when a Kerberos configuration is present,
 * otherwise NTLM inside {@code Negotiate} (see {@link EwsAuthentication}).
 *
 * <p>The email is rendered by the {@link EmailTemplates} as the SMTP transport renders it and
 * carries the same {@code Message-ID} ({@code t:InternetMessageId}) plus the internet headers
 * {@code X-Pamkit-Event} and {@code X-Pamkit-Event-Id} (extended properties of the {@code
 * InternetHeaders} set). The request XML is built with every value escaped; responses are parsed
 * with a DOM parser that refuses DOCTYPEs and external entities.
 *
 * <p>Answers: {@code ResponseClass="Success"} is delivered (EWS gives no message id for a sent
 * item). {@code ErrorServerBusy} (an HTTP 500 SOAP fault, or a response code) is {@code
 * RATE_LIMITED} with the fault's {@code BackOffMilliseconds}; HTTP 503 and 429 and {@code
 * ErrorExceededConnectionCount} are {@code RATE_LIMITED}; other 5xx, {@code
 * ErrorInternalServerError} and {@code ErrorTimeoutExpired} are {@code TRANSIENT}; HTTP 401/403 and
 * the access, impersonation, mailbox and version errors are {@code PERMANENT_TRANSPORT}; invalid
 * recipients, size and schema errors are {@code PERMANENT_MESSAGE}. A failed Kerberos login or
 * service ticket is {@code PERMANENT_TRANSPORT}. At most 64 KiB of a response are read.
 *
 * <p>Thread-safe.
 */
public final class EwsTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(EwsTransport.class);
  static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
  static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
  static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";
  static final String SOAP_ACTION =
      "\"http://schemas.microsoft.com/exchange/services/2006/messages/CreateItem\"";

  private static final Map<String, FailureType> CODES =
      Map.ofEntries(
          Map.entry("ErrorServerBusy", FailureType.RATE_LIMITED),
          Map.entry("ErrorExceededConnectionCount", FailureType.RATE_LIMITED),
          Map.entry("ErrorInternalServerError", FailureType.TRANSIENT),
          Map.entry("ErrorInternalServerTransientError", FailureType.TRANSIENT),
          Map.entry("ErrorTimeoutExpired", FailureType.TRANSIENT),
          Map.entry("ErrorMailboxStoreUnavailable", FailureType.TRANSIENT),
          Map.entry("ErrorMailboxMoveInProgress", FailureType.TRANSIENT),
          Map.entry("ErrorSendAsDenied", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorAccessDenied", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorImpersonateUserDenied", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorImpersonationDenied", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorNonExistentMailbox", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorInvalidServerVersion", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorQuotaExceeded", FailureType.PERMANENT_TRANSPORT),
          Map.entry("ErrorInvalidRecipients", FailureType.PERMANENT_MESSAGE),
          Map.entry("ErrorInvalidSmtpAddress", FailureType.PERMANENT_MESSAGE),
          Map.entry("ErrorMessageSizeExceeded", FailureType.PERMANENT_MESSAGE),
          Map.entry("ErrorSchemaValidation", FailureType.PERMANENT_MESSAGE),
          Map.entry("ErrorInvalidRequest", FailureType.PERMANENT_MESSAGE));

  private final EwsConfig config;
  private final EmailSending sending;
  private final HttpClient http;
  private final @Nullable NtlmHttp ntlm;
  private final boolean kerberos;
  private final String where;

  private EwsTransport(
      Builder b, EmailTemplates templates, RecipientResolver recipients, Clock clock) {
    this.config = b.config;
    this.sending = new EmailSending(config.channel(), templates, recipients, clock);
    this.where = "EWS " + config.endpoint().getHost();
    HttpClient.Builder hb =
        EmailHttp.client(config.connectTimeout(), CertificateTrust.httpContext(config, where));
    EwsAuthentication auth = config.authentication();
    Optional<String> krb5 = Kerberos.configuration();
    if (auth.kind() == EwsAuthentication.Kind.KERBEROS && krb5.isEmpty()) {
      throw new ValidationException(
          "authentication",
          "Kerberos needs a Kerberos configuration (realm and KDC) and none was found: set the"
              + " system property java.security.krb5.conf to a krb5.conf file, or create"
              + " /etc/krb5.conf (%SystemRoot%\\krb5.ini on Windows); or use Negotiate, which"
              + " falls back to NTLM");
    }
    this.kerberos =
        auth.kind() == EwsAuthentication.Kind.KERBEROS
            || (auth.kind() == EwsAuthentication.Kind.NEGOTIATE && krb5.isPresent());
    if (auth.kind() == EwsAuthentication.Kind.NTLM
        || (auth.kind() == EwsAuthentication.Kind.NEGOTIATE && !kerberos)) {
      hb.version(HttpClient.Version.HTTP_1_1); // NTLM authenticates a connection, not a stream
      this.ntlm =
          new NtlmHttp(
              auth.kind() == EwsAuthentication.Kind.NTLM ? "NTLM" : "Negotiate",
              auth.userName().orElseThrow(),
              "");
    } else {
      this.ntlm = null;
    }
    if (kerberos) {
      LOG.debug("EWS {} authenticates with Kerberos (configuration {})", config.endpoint(), krb5);
    }
    this.http = hb.build();
    if (config.exchangeOnline()) {
      LOG.warn(
          "EWS endpoint {} is Exchange Online, which blocks EWS for applications that are"
              + " not allow-listed since 1 October 2026 and removes it on 1 April 2027; send through"
              + " Microsoft Graph or SMTP with XOAUTH2 instead",
          config.endpoint());
    }
  }

  /**
   * Starts a builder.
   *
   * @param config the EWS settings
   * @return a new builder
   */
  public static Builder builder(EwsConfig config) {
    return new Builder(config);
  }

  /**
   * Returns the channel this transport serves ({@link EwsConfig#channel()}).
   *
   * @return the channel id, {@code "Email"} by default
   */
  @Override
  public String channel() {
    return config.channel();
  }

  /**
   * Returns the configuration.
   *
   * @return the settings
   */
  public EwsConfig config() {
    return config;
  }

  /**
   * Sends the notification's email with a {@code CreateItem} request.
   *
   * @param notification the notification
   * @return a receipt without a peer message id (EWS returns none for a sent message)
   * @throws DeliveryException as described in the class comment
   */
  @Override
  public DeliveryReceipt send(Notification notification) {
    OutboundEmail email = sending.openAndPrepare(notification, config.senderEmail());
    String envelope = envelope(email);
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(config.endpoint())
            .timeout(config.requestTimeout())
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("Accept", "text/xml")
            .header("SOAPAction", SOAP_ACTION)
            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8));
    if (config.impersonate()) {
      rb.header("X-AnchorMailbox", config.senderEmail());
    }
    CertificateTrust.warnEachRequest(config, where);
    int max = EmailHttp.DEFAULT_MAX_RESPONSE_BYTES;
    NtlmHttp n = ntlm;
    if (n == null) {
      rb.header("Authorization", authorization());
      return answer(email, EmailHttp.send(http, rb.build(), channel(), where, max));
    }
    Secret password = password();
    return answer(email, EmailHttp.send(channel(), where, h -> n.send(http, rb, h, password), max));
  }

  private String authorization() {
    EwsAuthentication auth = config.authentication();
    if (kerberos) {
      return negotiateKerberos(auth.userName().orElseThrow(), password());
    }
    switch (auth.kind()) {
      case BEARER -> {
        Secret token;
        try {
          token = auth.tokens().orElseThrow().accessToken();
        } catch (ValidationException e) {
          throw new DeliveryException(
              channel(), FailureType.PERMANENT_TRANSPORT, "no access token: " + e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new DeliveryException(
              channel(),
              FailureType.TRANSIENT,
              "the access token source" + " failed: " + e.getClass().getSimpleName(),
              e);
        }
        if (token == null || token.isEmpty() || token.anyChar(c -> c <= 0x20 || c >= 0x7f)) {
          throw new DeliveryException(
              channel(),
              FailureType.PERMANENT_TRANSPORT,
              "the access token" + " source returned an empty or malformed token",
              null);
        }
        return "Bearer " + token.reveal();
      }
      default -> {
        return basic(auth.userName().orElseThrow(), password());
      }
    }
  }

  /** The configured password, or the vaulted account's, resolved now. */
  private Secret password() {
    EwsAuthentication auth = config.authentication();
    Optional<Secret> configured = auth.password();
    if (configured.isPresent()) {
      return configured.get();
    }
    AccountReference account = auth.account().orElseThrow();
    try {
      return config.credentialResolver().orElseThrow().resolve(account);
    } catch (ValidationException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          "the EWS account " + account + " cannot be resolved: " + e.getMessage(),
          e);
    } catch (RuntimeException e) {
      throw new DeliveryException(
          channel(),
          FailureType.TRANSIENT,
          "the credential resolver failed for the EWS account "
              + account
              + ": "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  private String negotiateKerberos(String principal, Secret password) {
    String host = config.endpoint().getHost();
    try {
      return "Negotiate "
          + Base64.getEncoder().encodeToString(Kerberos.initialToken(host, principal, password));
    } catch (LoginException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          "Kerberos login of "
              + principal
              + " failed: "
              + OutboundEmail.safe(String.valueOf(e.getMessage()), 200),
          e);
    } catch (GSSException e) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          "no Kerberos service ticket for HTTP/"
              + host
              + ": "
              + OutboundEmail.safe(String.valueOf(e.getMessage()), 200),
          e);
    }
  }

  private static String basic(String user, Secret password) {
    byte[] u = (user + ":").getBytes(StandardCharsets.UTF_8);
    byte[] p = password.utf8();
    byte[] both = Arrays.copyOf(u, u.length + p.length);
    System.arraycopy(p, 0, both, u.length, p.length);
    try {
      return "Basic " + Base64.getEncoder().encodeToString(both);
    } finally {
      Arrays.fill(p, (byte) 0);
      Arrays.fill(both, (byte) 0);
    }
  }

  /** Builds the SOAP envelope of the {@code CreateItem} request. */
  String envelope(OutboundEmail email) {
    StringBuilder x = new StringBuilder(1024 + email.email().body().length());
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        .append("<soap:Envelope xmlns:soap=\"")
        .append(SOAP)
        .append("\" xmlns:t=\"")
        .append(TYPES)
        .append("\" xmlns:m=\"")
        .append(MESSAGES)
        .append("\">")
        .append("<soap:Header><t:RequestServerVersion Version=\"")
        .append(escape(config.serverVersion()))
        .append("\"/>");
    if (config.impersonate()) {
      x.append("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>")
          .append(escape(config.senderEmail()))
          .append("</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>");
    }
    x.append("</soap:Header><soap:Body>")
        .append("<m:CreateItem MessageDisposition=\"")
        .append(config.disposition().wire())
        .append("\">");
    if (config.disposition() == EwsConfig.MessageDisposition.SEND_AND_SAVE_COPY) {
      x.append("<m:SavedItemFolderId><t:DistinguishedFolderId Id=\"sentitems\"/>")
          .append("</m:SavedItemFolderId>");
    }
    // t:Message children follow the schema's xs:sequence: the order matters.
    x.append("<m:Items><t:Message>")
        .append("<t:Subject>")
        .append(escape(email.email().subject()))
        .append("</t:Subject>")
        .append("<t:Body BodyType=\"")
        .append(email.email().format() == BodyFormat.HTML ? "HTML" : "Text")
        .append("\">")
        .append(escape(email.email().body()))
        .append("</t:Body>");
    header(x, "X-Pamkit-Event", email.event().name());
    header(x, "X-Pamkit-Event-Id", email.event().id());
    header(x, "Auto-Submitted", "auto-generated");
    x.append("<t:ToRecipients><t:Mailbox><t:EmailAddress>")
        .append(escape(email.to()))
        .append("</t:EmailAddress></t:Mailbox></t:ToRecipients>")
        .append("<t:InternetMessageId>")
        .append(escape(email.messageId()))
        .append("</t:InternetMessageId>");
    if (email.email().replyTo() != null) {
      x.append("<t:ReplyTo><t:Mailbox><t:EmailAddress>")
          .append(escape(email.email().replyTo()))
          .append("</t:EmailAddress></t:Mailbox></t:ReplyTo>");
    }
    x.append("</t:Message></m:Items></m:CreateItem></soap:Body></soap:Envelope>");
    return x.toString();
  }

  private void header(StringBuilder x, String name, String value) {
    EmailHttp.headerValue(channel(), name, value);
    x.append("<t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId=")
        .append("\"InternetHeaders\" PropertyName=\"")
        .append(escape(name))
        .append("\" PropertyType=\"String\"/><t:Value>")
        .append(escape(value))
        .append("</t:Value></t:ExtendedProperty>");
  }

  /**
   * Escapes text for XML element content and attribute values; characters XML 1.0 cannot carry (C0
   * controls other than tab, LF and CR, unpaired surrogates, U+FFFE/U+FFFF) become U+FFFD.
   */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String entity =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            case '\r' -> "&#13;"; // kept: a literal CR would be normalised to LF by the parser
            default -> null;
          };
      if (entity != null) {
        sb.append(entity);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if ((c < 0x20 && c != '\t' && c != '\n')
          || Character.isSurrogate(c)
          || c == 0xFFFE
          || c == 0xFFFF) {
        sb.append('\uFFFD');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private DeliveryReceipt answer(OutboundEmail email, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    Duration retryAfter = EmailHttp.retryAfter(response, sending.clock());
    if (status == 401 || status == 403) {
      throw new DeliveryException(
          channel(),
          FailureType.PERMANENT_TRANSPORT,
          "EWS answered "
              + status
              + " (check the credentials"
              + (config.impersonate() ? " and the impersonation rights" : "")
              + ", and the Authentication mechanism the server offers: "
              + OutboundEmail.safe(
                  String.join(", ", response.headers().allValues("WWW-Authenticate")), 200)
              + ")",
          null);
    }
    if (status == 429 || status == 503) {
      throw new DeliveryException(
          channel(),
          FailureType.RATE_LIMITED,
          "EWS answered " + status + " (server busy)",
          retryAfter,
          null);
    }
    Document doc = null;
    if (response.body().length > 0) {
      try {
        doc = parse(response.body());
      } catch (SAXException | IOException e) {
        if (status == 200) {
          throw new DeliveryException(
              channel(),
              FailureType.TRANSIENT,
              "EWS answered 200 with a body"
                  + " that is not XML: "
                  + OutboundEmail.safe(e.getMessage(), 200),
              e);
        }
      }
    }
    if (doc != null) {
      Element fault = first(doc.getDocumentElement(), SOAP, "Fault");
      if (fault != null) {
        throw fault(status, fault);
      }
      Element message = first(doc.getDocumentElement(), MESSAGES, "CreateItemResponseMessage");
      if (message != null && status == 200) {
        return responseMessage(email, message);
      }
    }
    if (status >= 500) {
      throw new DeliveryException(
          channel(), FailureType.TRANSIENT, "EWS answered " + status, retryAfter, null);
    }
    if (status == 200) {
      throw new DeliveryException(
          channel(),
          FailureType.TRANSIENT,
          "EWS answered 200 without a" + " CreateItemResponseMessage",
          null);
    }
    throw new DeliveryException(
        channel(),
        FailureType.PERMANENT_TRANSPORT,
        "EWS answered " + status + " (check the endpoint " + config.endpoint() + ")",
        null);
  }

  private DeliveryReceipt responseMessage(OutboundEmail email, Element message) {
    String responseClass = message.getAttribute("ResponseClass");
    String code = text(first(message, MESSAGES, "ResponseCode"));
    if (responseClass.equals("Success")
        || (responseClass.equals("Warning") && (code.isEmpty() || code.equals("NoError")))) {
      LOG.debug("EWS sent {} for {}", email.messageId(), email.idempotencyKey());
      return DeliveryReceipt.acknowledged(channel(), null, sending.clock().instant());
    }
    String text = text(first(message, MESSAGES, "MessageText"));
    throw failure(code, text, backOff(message), "EWS CreateItem " + responseClass);
  }

  private DeliveryException fault(int status, Element fault) {
    String faultCode = text(firstLocal(fault, "faultcode"));
    String code = text(first(fault, ERRORS, "ResponseCode"));
    if (code.isEmpty()) {
      code = faultCode.substring(faultCode.indexOf(':') + 1);
    }
    String text = text(first(fault, ERRORS, "Message"));
    if (text.isEmpty()) {
      text = text(firstLocal(fault, "faultstring"));
    }
    return failure(code, text, backOff(fault), "EWS answered " + status + " with a SOAP fault");
  }

  private DeliveryException failure(
      String code, String text, @Nullable Duration backOff, String what) {
    FailureType type = CODES.getOrDefault(code, FailureType.TRANSIENT);
    if (backOff != null && type == FailureType.TRANSIENT) {
      type = FailureType.RATE_LIMITED;
    }
    String reason =
        what
            + ": "
            + OutboundEmail.safe(code.isEmpty() ? "no response code" : code, 100)
            + (text.isEmpty() ? "" : " (" + OutboundEmail.safe(text, 300) + ")");
    return new DeliveryException(
        channel(), type, reason, type == FailureType.RATE_LIMITED ? backOff : null, null);
  }

  /** Reads {@code MessageXml/Value[@Name="BackOffMilliseconds"]} under {@code root}. */
  static @Nullable Duration backOff(Element root) {
    NodeList values = root.getElementsByTagNameNS(TYPES, "Value");
    for (int i = 0; i < values.getLength(); i++) {
      Element v = (Element) values.item(i);
      if (v.getAttribute("Name").equals("BackOffMilliseconds")) {
        try {
          long ms = Long.parseLong(v.getTextContent().strip());
          return ms < 0 ? null : Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static @Nullable Element first(Element root, String ns, String local) {
    NodeList l = root.getElementsByTagNameNS(ns, local);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static @Nullable Element firstLocal(Element root, String local) {
    NodeList l = root.getElementsByTagNameNS("*", local);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  private static String text(@Nullable Node n) {
    return n == null ? "" : n.getTextContent().strip();
  }

  /**
   * Parses XML with a parser hardened against XXE: no DOCTYPE, no external entities or schemas, no
   * XInclude, secure processing on.
   */
  static Document parse(byte[] xml) throws SAXException, IOException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(
          new org.xml.sax.ErrorHandler() {
            @Override
            public void warning(org.xml.sax.SAXParseException e) {}

            @Override
            public void error(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return b.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a hardening feature", e);
    }
  }

  /** Refuses further sends. java.net.http in Java 17 has no close; its threads end when idle. */
  @Override
  public void close() {
    sending.close();
  }

  /** Returns the endpoint and settings; never a password or token. */
  @Override
  public String toString() {
    return "EwsTransport{" + config + "}";
  }

  /** Builds {@link EwsTransport}s. Not thread-safe; the last call to a setter wins. */
  public static final class Builder extends EmailTransportBuilder<Builder> {
    private final EwsConfig config;

    private Builder(EwsConfig config) {
      this.config = requireNonNull(config, "config");
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Builds the transport. Nothing is sent until the first {@link EwsTransport#send}.
     *
     * @return the transport
     */
    public EwsTransport build() {
      return new EwsTransport(this, templates(), recipientResolver(), clock());
    }
  }
}
