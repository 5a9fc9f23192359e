// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import com.sun.net.httpserver.HttpExchange;
import io.pamkit.notify.email.LoopbackHttps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.SSLContext;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A local EWS endpoint ({@code /EWS/Exchange.asmx}) over HTTPS: checks the {@code Authorization}
 * header (401 otherwise), the {@code SOAPAction} and content type, and the SOAP envelope
 * (RequestServerVersion, CreateItem with MessageDisposition, the t:Message children in schema
 * order; an ErrorSchemaValidation fault otherwise) and answers a CreateItem success, or the
 * scripted answers of {@link #next}.
 */
final class FakeEws implements AutoCloseable {
  static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
  static final String T = "http://schemas.microsoft.com/exchange/services/2006/types";
  static final String M = "http://schemas.microsoft.com/exchange/services/2006/messages";

  /** The order of the t:Message children pamkit writes, as the schema's xs:sequence has them. */
  private static final List<String> ORDER =
      List.of(
          "Subject", "Body", "ExtendedProperty", "ToRecipients", "InternetMessageId", "ReplyTo");

  /** A request the server accepted. */
  public record Received(Map<String, List<String>> headers, Document envelope) {}

  private record Scripted(int status, String body) {}

  private final LoopbackHttps https;
  private volatile String authorization;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();

  private FakeEws(String authorization) throws Exception {
    this.authorization = authorization;
    this.https = LoopbackHttps.start("/EWS/Exchange.asmx", this::handle);
  }

  /**
   * Starts the server.
   *
   * @param authorization the only Authorization header value it accepts
   * @return the server
   * @throws Exception if it cannot start
   */
  public static FakeEws start(String authorization) throws Exception {
    return new FakeEws(authorization);
  }

  /**
   * @param authorization the Authorization value accepted from now on
   */
  public void authorization(String authorization) {
    this.authorization = authorization;
  }

  /**
   * @return the EWS URL
   */
  public URI endpoint() {
    return URI.create(https.baseUri() + "/EWS/Exchange.asmx");
  }

  /**
   * @return a client context trusting this server
   */
  public SSLContext clientContext() {
    return https.clientContext();
  }

  /**
   * @return the accepted requests
   */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /**
   * Scripts the answer to the next accepted request.
   *
   * @param status the HTTP status
   * @param body the XML body
   */
  public void next(int status, String body) {
    script.add(new Scripted(status, body));
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] raw;
    try (InputStream in = ex.getRequestBody()) {
      raw = in.readAllBytes();
    }
    if (!authorization.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      LoopbackHttps.respond(
          ex, 401, Map.of("WWW-Authenticate", "Basic realm=\"ews\""), new byte[0]);
      return;
    }
    String action = ex.getRequestHeaders().getFirst("SOAPAction");
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    if (!("\"" + M + "/CreateItem\"").equals(action) || !type.startsWith("text/xml")) {
      LoopbackHttps.respond(ex, 400, Map.of(), new byte[0]);
      return;
    }
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(raw));
    } catch (Exception e) {
      fault(ex, "ErrorSchemaValidation", "The request failed schema validation: " + e.getMessage());
      return;
    }
    String problem = check(doc);
    if (problem != null) {
      fault(ex, "ErrorSchemaValidation", "The request failed schema validation: " + problem);
      return;
    }
    received.add(new Received(Map.copyOf(ex.getRequestHeaders()), doc));
    Scripted s = script.poll();
    if (s != null) {
      LoopbackHttps.respond(
          ex,
          s.status(),
          Map.of("Content-Type", "text/xml; charset=utf-8"),
          s.body().getBytes(StandardCharsets.UTF_8));
      return;
    }
    LoopbackHttps.respond(
        ex,
        200,
        Map.of("Content-Type", "text/xml; charset=utf-8"),
        success().getBytes(StandardCharsets.UTF_8));
  }

  private static String check(Document doc) {
    Element env = doc.getDocumentElement();
    if (!SOAP.equals(env.getNamespaceURI()) || !env.getLocalName().equals("Envelope")) {
      return "root is not soap:Envelope";
    }
    Element version = first(env, T, "RequestServerVersion");
    if (version == null || version.getAttribute("Version").isEmpty()) {
      return "RequestServerVersion is missing";
    }
    Element create = first(env, M, "CreateItem");
    if (create == null || create.getAttribute("MessageDisposition").isEmpty()) {
      return "CreateItem with MessageDisposition is missing";
    }
    Element message = first(create, T, "Message");
    if (message == null) {
      return "Items/Message is missing";
    }
    int last = -1;
    for (Node n = message.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        int i = ORDER.indexOf(n.getLocalName());
        if (i < 0 || i < last) {
          return "element " + n.getLocalName() + " is unexpected or out of order";
        }
        last = i;
      }
    }
    return first(message, T, "ToRecipients") == null ? "ToRecipients is missing" : null;
  }

  static Element first(Element root, String ns, String local) {
    var l = root.getElementsByTagNameNS(ns, local);
    return l.getLength() == 0 ? null : (Element) l.item(0);
  }

  /** The CreateItem success response of Exchange 2016. */
  static String success() {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header>"
        + "<h:ServerVersionInfo MajorVersion=\"15\" MinorVersion=\"1\" MajorBuildNumber=\"2507\""
        + " MinorBuildNumber=\"6\" Version=\"V2017_07_11\" xmlns:h=\""
        + T
        + "\"/></s:Header>"
        + "<s:Body xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
        + "<m:CreateItemResponse xmlns:m=\""
        + M
        + "\" xmlns:t=\""
        + T
        + "\">"
        + "<m:ResponseMessages><m:CreateItemResponseMessage ResponseClass=\"Success\">"
        + "<m:ResponseCode>NoError</m:ResponseCode><m:Items/></m:CreateItemResponseMessage>"
        + "</m:ResponseMessages></m:CreateItemResponse></s:Body></s:Envelope>";
  }

  /** A CreateItem response of class Error with the given code. */
  static String error(String code, String text) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"
        + "<m:CreateItemResponse xmlns:m=\""
        + M
        + "\" xmlns:t=\""
        + T
        + "\">"
        + "<m:ResponseMessages><m:CreateItemResponseMessage ResponseClass=\"Error\">"
        + "<m:MessageText>"
        + text
        + "</m:MessageText><m:ResponseCode>"
        + code
        + "</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey><m:Items/>"
        + "</m:CreateItemResponseMessage></m:ResponseMessages></m:CreateItemResponse>"
        + "</s:Body></s:Envelope>";
  }

  /** The throttling fault Exchange sends with HTTP 500, as Microsoft documents it. */
  static String serverBusy(long backOffMillis) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
        + "<faultcode xmlns:a=\""
        + T
        + "\">a:ErrorServerBusy</faultcode>"
        + "<faultstring xml:lang=\"en-US\">The server cannot service this request right now."
        + " Try again later.</faultstring><detail>"
        + "<e:ResponseCode xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">"
        + "ErrorServerBusy</e:ResponseCode>"
        + "<e:Message xmlns:e=\"http://schemas.microsoft.com/exchange/services/2006/errors\">The"
        + " server cannot service this request right now. Try again later.</e:Message>"
        + "<t:MessageXml xmlns:t=\""
        + T
        + "\"><t:Value Name=\"BackOffMilliseconds\">"
        + backOffMillis
        + "</t:Value></t:MessageXml></detail></s:Fault></s:Body></s:Envelope>";
  }

  private static void fault(HttpExchange ex, String code, String text) throws IOException {
    String body =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
            + "<faultcode xmlns:a=\""
            + T
            + "\">a:"
            + code
            + "</faultcode>"
            + "<faultstring xml:lang=\"en-US\">"
            + text.replace("&", "&amp;").replace("<", "&lt;")
            + "</faultstring><detail><e:ResponseCode xmlns:e=\""
            + "http://schemas.microsoft.com/exchange/services/2006/errors\">"
            + code
            + "</e:ResponseCode></detail></s:Fault></s:Body></s:Envelope>";
    LoopbackHttps.respond(
        ex,
        500,
        Map.of("Content-Type", "text/xml; charset=utf-8"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    https.close();
  }
}
