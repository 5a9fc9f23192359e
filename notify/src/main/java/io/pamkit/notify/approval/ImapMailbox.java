// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.CredentialResolver;
import io.pamkit.core.secret.Secret;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Mailbox} read over IMAP with Eclipse Angus Mail: each {@link #poll} connects, opens the
 * folder read-write, searches the messages without {@code \Seen}, downloads them without setting
 * {@code \Seen} ({@code mail.imap.peek}), hands them to the handler in UID order and sets {@code
 * \Seen} on those the handler is done with, then disconnects. A message larger than {@link
 * Builder#maxMessageBytes} is not downloaded: the handler gets {@link InboundMessage#tooLarge}.
 *
 * <p>TLS: {@link Security#IMAPS} (implicit TLS, port 993) by default, or {@link Security#STARTTLS}
 * (required, port 143); the server's certificate is checked against the host name. {@link
 * Security#NONE} sends the password in clear text and exists for in-process test servers only.
 *
 * <pre>{@code
 * Mailbox inbox = ImapMailbox.builder()
 *     .host("imap.example.com")
 *     .username("approvals@example.com")
 *     .credentials(resolver, account)   // the mailbox password from the vault, read on each poll
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe: concurrent polls use separate connections. Builders are not thread-safe.
 */
public final class ImapMailbox implements Mailbox {

  /** How the connection is protected. */
  public enum Security {
    /** Implicit TLS (IMAPS). */
    IMAPS,
    /** Plain IMAP upgraded with STARTTLS, which is required. */
    STARTTLS,
    /** No TLS: the password crosses the network in clear text. For test servers only. */
    NONE
  }

  private final String host;
  private final int port;
  private final Security security;
  private final String username;
  private final Supplier<Secret> password;
  private final String folder;
  private final @Nullable SSLContext sslContext;
  private final int maxMessageBytes;
  private final Duration timeout;

  private ImapMailbox(Builder b) {
    this.host = requireNonNull(b.host, "host");
    this.security = b.security;
    this.port = b.port > 0 ? b.port : (b.security == Security.IMAPS ? 993 : 143);
    this.username = requireNonNull(b.username, "username");
    this.password = requireNonNull(b.password, "password");
    this.folder = b.folder;
    this.sslContext = b.sslContext;
    this.maxMessageBytes = b.maxMessageBytes;
    this.timeout = b.timeout;
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
    String protocol = security == Security.IMAPS ? "imaps" : "imap";
    Session session = Session.getInstance(properties(protocol));
    Secret pw = password.get();
    int handled = 0;
    try (Store store = session.getStore(protocol)) {
      store.connect(host, port, username, pw.reveal());
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_WRITE);
      try {
        UIDFolder uids = (UIDFolder) f;
        Message[] unseen = f.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        List<Message> list = new ArrayList<>(List.of(unseen));
        List<Long> ids = new ArrayList<>();
        for (Message m : list) {
          ids.add(uids.getUID(m));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          order.add(i);
        }
        order.sort(Comparator.comparingLong(ids::get));
        for (int i : order) {
          if (handled >= max) {
            break;
          }
          Message m = list.get(i);
          String id = Long.toString(ids.get(i));
          InboundMessage in = read(id, m);
          handled++;
          if (handler.test(in)) {
            m.setFlag(Flags.Flag.SEEN, true);
          }
        }
      } finally {
        f.close(false);
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "cannot read the mailbox "
              + folder
              + " of "
              + username
              + " at "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    return handled;
  }

  private InboundMessage read(String id, Message m) throws MessagingException {
    int size = m.getSize();
    if (size > maxMessageBytes) {
      return InboundMessage.tooLarge(id, size);
    }
    Bounded out = new Bounded(maxMessageBytes);
    try {
      m.writeTo(out);
    } catch (Bounded.Overflow e) {
      return InboundMessage.tooLarge(id, Math.max(size, maxMessageBytes + 1L));
    } catch (IOException e) {
      throw new MessagingException("cannot download message " + id, e);
    }
    return InboundMessage.of(id, out.toByteArray());
  }

  private Properties properties(String protocol) {
    Properties p = new Properties();
    String pre = "mail." + protocol + ".";
    long ms = timeout.toMillis();
    p.put(pre + "connectiontimeout", Long.toString(ms));
    p.put(pre + "timeout", Long.toString(ms));
    p.put(pre + "writetimeout", Long.toString(ms));
    p.put(pre + "peek", "true");
    if (security != Security.NONE) {
      p.put(pre + "ssl.checkserveridentity", "true");
      if (sslContext != null) {
        p.put(pre + "ssl.socketFactory", sslContext.getSocketFactory());
      }
      if (security == Security.STARTTLS) {
        p.put(pre + "starttls.enable", "true");
        p.put(pre + "starttls.required", "true");
      }
    }
    return p;
  }

  /** Returns the server, the user and the folder; never the password. */
  @Override
  public String toString() {
    return "ImapMailbox{"
        + security
        + " "
        + username
        + "@"
        + host
        + ":"
        + port
        + "/"
        + folder
        + "}";
  }

  /** An output stream that refuses to grow past its limit. */
  private static final class Bounded extends OutputStream {
    static final class Overflow extends IOException {
      private static final long serialVersionUID = 1L;

      Overflow() {
        super("message larger than the limit");
      }
    }

    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final int limit;

    Bounded(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      if (buf.size() >= limit) {
        throw new Overflow();
      }
      buf.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (buf.size() + len > limit) {
        throw new Overflow();
      }
      buf.write(b, off, len);
    }

    byte[] toByteArray() {
      return buf.toByteArray();
    }
  }

  /** Builds an {@link ImapMailbox}; not thread-safe. */
  public static final class Builder extends MailboxBuilder<Builder> {
    private @Nullable String host;
    private int port;
    private Security security = Security.IMAPS;
    private @Nullable String username;
    private @Nullable Supplier<Secret> password;
    private String folder = "INBOX";

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the IMAP server's host name (required).
     *
     * @param host the host
     * @return this builder
     */
    public Builder host(String host) {
      requireNonNull(host, "host");
      if (host.isBlank() || host.chars().anyMatch(c -> c < 0x21)) {
        throw new IllegalArgumentException("host must be a host name without spaces");
      }
      this.host = host;
      return this;
    }

    /**
     * Sets the port. Default: 993 for IMAPS, 143 otherwise.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the connection security. Default: {@link Security#IMAPS}.
     *
     * @param security the security
     * @return this builder
     */
    public Builder security(Security security) {
      this.security = requireNonNull(security, "security");
      return this;
    }

    /**
     * Sets the login name (required).
     *
     * @param username the user
     * @return this builder
     */
    public Builder username(String username) {
      requireNonNull(username, "username");
      if (username.isEmpty() || username.indexOf('\r') >= 0 || username.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("username must be non-empty, without CR or LF");
      }
      this.username = username;
      return this;
    }

    /**
     * Sets a fixed password. Either this or {@link #credentials} is required.
     *
     * @param password the password
     * @return this builder
     */
    public Builder password(Secret password) {
      requireNonNull(password, "password");
      this.password = () -> password;
      return this;
    }

    /**
     * Reads the password from a credential resolver on every poll, so a rotated vault password is
     * picked up.
     *
     * @param resolver the resolver
     * @param account the mailbox account
     * @return this builder
     */
    public Builder credentials(CredentialResolver resolver, AccountReference account) {
      requireNonNull(resolver, "resolver");
      requireNonNull(account, "account");
      this.password = () -> resolver.resolve(account);
      return this;
    }

    /**
     * Sets the folder to read. Default: {@code INBOX}.
     *
     * @param folder the folder name
     * @return this builder
     */
    public Builder folder(String folder) {
      requireNonNull(folder, "folder");
      if (folder.isEmpty()) {
        throw new IllegalArgumentException("folder must not be empty");
      }
      this.folder = folder;
      return this;
    }

    /**
     * Builds the mailbox.
     *
     * @return the mailbox
     * @throws IllegalStateException if the host, the user or the password is missing
     */
    public ImapMailbox build() {
      if (host == null || username == null || password == null) {
        throw new IllegalStateException(
            "host, username and a password or credentials are required");
      }
      return new ImapMailbox(this);
    }
  }
}
