// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pamkit.core.secret.Secret;
import io.pamkit.notify.oauth.AccessTokenSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Mailbox} read over Microsoft Graph, for Exchange Online mailboxes where IMAP is off:
 * each {@link #poll} lists the unread messages of a folder ({@code GET
 * /v1.0/users/{mailbox}/mailFolders/{folder}/messages?$filter=receivedDateTime ge
 * 1900-01-01T00:00:00Z and isRead eq false&$orderby=receivedDateTime asc&$select=id,
 * receivedDateTime&$top=N}), oldest first, downloads each one's MIME content ({@code GET
 * /v1.0/users/{mailbox}/messages/{id}/$value}, read only up to the size limit) and marks those the
 * handler is done with as read ({@code PATCH /v1.0/users/{mailbox}/messages/{id}} with {@code
 * {"isRead":true}}). These are Graph's documented "List messages", "Get MIME content of a message"
 * and "Update message" calls; the application needs {@code Mail.ReadWrite} (app-only, ideally
 * limited to the approvals mailbox with an application access policy). The bearer token comes from
 * an {@link AccessTokenSource} for {@code https://graph.microsoft.com/.default}; a 401 renews it
 * once.
 *
 * <p>Thread-safe. Builders are not thread-safe.
 */
public final class GraphMailbox implements Mailbox {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LIST_BYTES = 4 * 1024 * 1024;

  /**
   * The list filter. Graph returns a folder's messages newest first unless asked otherwise, so
   * {@code $top=N} alone would fetch the newest N unread ones; {@code $orderby=receivedDateTime
   * asc} asks for the oldest. Graph refuses {@code $orderby} on a property that is not also the
   * first term of {@code $filter} (Microsoft Graph team, "Update to Filtering and Sorting in the
   * Mail, Calendar and Contacts REST API", whose working example adds {@code receivedDateTime ge
   * 1900-01-01T00:00:00Z}), hence the always-true date term first.
   */
  private static final String UNREAD_OLDEST_FIRST =
      "receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false";

  private final String mailbox;
  private final String folder;
  private final AccessTokenSource tokens;
  private final URI graph;
  private final int maxMessageBytes;
  private final Duration timeout;
  private final HttpClient http;

  private GraphMailbox(Builder b) {
    this.mailbox = requireNonNull(b.mailbox, "mailbox");
    this.tokens = requireNonNull(b.tokens, "tokens");
    this.folder = b.folder;
    this.graph = b.graph;
    this.maxMessageBytes = b.maxMessageBytes;
    this.timeout = b.timeout;
    HttpClient.Builder hb =
        HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
    if (b.sslContext != null) {
      hb.sslContext(b.sslContext);
    }
    this.http = hb.build();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int poll(int max, Predicate<InboundMessage> handler) {
    MailboxLimits.checkPoll(max, handler);
    String user = enc(mailbox);
    URI list =
        graph.resolve(
            "/v1.0/users/"
                + user
                + "/mailFolders/"
                + enc(folder)
                + "/messages?%24filter="
                + enc(UNREAD_OLDEST_FIRST)
                + "&%24orderby="
                + enc("receivedDateTime asc")
                + "&%24select=id,receivedDateTime&%24top="
                + max);
    JsonNode page;
    try (InputStream in = call("GET", list, null, 200)) {
      byte[] body = in.readNBytes(MAX_LIST_BYTES + 1);
      if (body.length > MAX_LIST_BYTES) {
        throw new IllegalStateException("Graph's message list is larger than 4 MiB");
      }
      page = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read Graph's message list: " + e.getMessage(), e);
    }
    List<JsonNode> items = new ArrayList<>();
    page.path("value").forEach(items::add);
    items.sort(Comparator.comparing(n -> n.path("receivedDateTime").asText()));
    int handled = 0;
    for (JsonNode item : items) {
      if (handled >= max) {
        break;
      }
      String id = item.path("id").asText();
      if (id.isEmpty()) {
        continue;
      }
      InboundMessage m = download(user, id);
      handled++;
      if (handler.test(m)) {
        URI u = graph.resolve("/v1.0/users/" + user + "/messages/" + enc(id));
        try (InputStream in = call("PATCH", u, "{\"isRead\":true}", 200)) {
          in.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
          throw new IllegalStateException(
              "cannot mark message " + id + " read: " + e.getMessage(), e);
        }
      }
    }
    return handled;
  }

  private InboundMessage download(String user, String id) {
    URI u = graph.resolve("/v1.0/users/" + user + "/messages/" + enc(id) + "/%24value");
    try (InputStream in = call("GET", u, null, 200)) {
      byte[] raw = in.readNBytes(maxMessageBytes + 1);
      if (raw.length > maxMessageBytes) {
        return InboundMessage.tooLarge(id, raw.length);
      }
      return InboundMessage.of(id, raw);
    } catch (IOException e) {
      throw new IllegalStateException("cannot download message " + id + ": " + e.getMessage(), e);
    }
  }

  /** One Graph call; the body stream of an answer with the expected status, else an exception. */
  private InputStream call(String method, URI uri, @Nullable String json, int expected)
      throws IOException {
    Secret token = tokens.accessToken();
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder rb =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Authorization", "Bearer " + token.reveal())
              .method(
                  method,
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      if (json != null) {
        rb.header("Content-Type", "application/json");
      }
      HttpResponse<InputStream> resp;
      try {
        resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (resp.statusCode() == expected) {
        return resp.body();
      }
      byte[] err;
      try (InputStream in = resp.body()) {
        err = in.readNBytes(16 * 1024);
      }
      if (resp.statusCode() == 401 && attempt == 0) {
        token = tokens.renewAccessToken(token);
        continue;
      }
      String code = "";
      try {
        code = JSON.readTree(err).path("error").path("code").asText("");
      } catch (IOException e) {
        // not Graph's error body; the status says enough
      }
      throw new IOException(
          method
              + " "
              + uri.getPath()
              + " answered "
              + resp.statusCode()
              + (code.isEmpty() ? "" : " " + code.replaceAll("[^A-Za-z0-9_.-]", "")));
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns the mailbox and folder; never the token. */
  @Override
  public String toString() {
    return "GraphMailbox{" + mailbox + "/" + folder + " at " + graph + "}";
  }

  /** Discards what it is given. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /** Builds a {@link GraphMailbox}; not thread-safe. */
  public static final class Builder extends MailboxBuilder<Builder> {
    private @Nullable String mailbox;
    private @Nullable AccessTokenSource tokens;
    private String folder = "inbox";
    private URI graph = URI.create("https://graph.microsoft.com");

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the mailbox: its user id or user principal name (required).
     *
     * @param mailbox e.g. {@code approvals@example.com}
     * @return this builder
     */
    public Builder mailbox(String mailbox) {
      requireNonNull(mailbox, "mailbox");
      if (mailbox.isBlank()) {
        throw new IllegalArgumentException("mailbox must not be blank");
      }
      this.mailbox = mailbox;
      return this;
    }

    /**
     * Sets the token source for Graph (required), e.g. an {@code IdentityPlatformTokenSource} for
     * {@code https://graph.microsoft.com/.default}.
     *
     * @param tokens the token source
     * @return this builder
     */
    public Builder tokens(AccessTokenSource tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets the folder: a well-known name or a folder id. Default: {@code inbox}.
     *
     * @param folder the folder
     * @return this builder
     */
    public Builder folder(String folder) {
      requireNonNull(folder, "folder");
      if (folder.isBlank()) {
        throw new IllegalArgumentException("folder must not be blank");
      }
      this.folder = folder;
      return this;
    }

    /**
     * Sets Graph's base URI (national clouds, tests). Default: {@code https://graph.microsoft.com}.
     *
     * @param uri an https URI without path
     * @return this builder
     */
    public Builder graphBaseUri(URI uri) {
      requireNonNull(uri, "uri");
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("graphBaseUri must be an https URI, got " + uri);
      }
      this.graph = uri;
      return this;
    }

    /**
     * Builds the mailbox.
     *
     * @return the mailbox
     * @throws IllegalStateException if the mailbox or the token source is missing
     */
    public GraphMailbox build() {
      if (mailbox == null || tokens == null) {
        throw new IllegalStateException("mailbox and tokens are required");
      }
      return new GraphMailbox(this);
    }
  }
}
