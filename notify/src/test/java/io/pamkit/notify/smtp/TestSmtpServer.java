// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/** A subethasmtp server on a free port that records what it received and each session. */
final class TestSmtpServer implements AutoCloseable {
  /** One received message. */
  record Received(
      String from, List<String> to, String data, Certificate @Nullable [] peer, boolean tls) {}

  /** Decides, per message, whether to reject it (return an exception) or accept it. */
  interface Policy {
    @Nullable RejectException onRecipient(String recipient);

    default @Nullable RejectException onSender(String sender) {
      return null;
    }

    default @Nullable RejectException onData(String data) {
      return null;
    }

    default String acceptReply() {
      return "Ok: queued as Q" + System.nanoTime();
    }
  }

  static final Policy ACCEPT_ALL = r -> null;

  /** Accepts every recipient and refuses the sender with {@code refusal}. */
  static Policy refuseSender(RejectException refusal) {
    return new Policy() {
      @Override
      public @Nullable RejectException onRecipient(String recipient) {
        return null;
      }

      @Override
      public RejectException onSender(String sender) {
        return refusal;
      }
    };
  }

  /** Accepts every recipient and refuses the content with {@code refusal}. */
  static Policy refuseData(RejectException refusal) {
    return new Policy() {
      @Override
      public @Nullable RejectException onRecipient(String recipient) {
        return null;
      }

      @Override
      public RejectException onData(String data) {
        return refusal;
      }
    };
  }

  /** Accepts everything and ends DATA with {@code reply}. */
  static Policy acceptWith(String reply) {
    return new Policy() {
      @Override
      public @Nullable RejectException onRecipient(String recipient) {
        return null;
      }

      @Override
      public String acceptReply() {
        return reply;
      }
    };
  }

  /**
   * Settings for this server without TLS: {@code [127.0.0.1]}, its port, sender {@code
   * pamkit@appliance.example}, HELO {@code pamkit.test}.
   */
  SmtpTransportConfig.Builder plainConfig() {
    return SmtpTransportConfig.builder()
        .serverAddress("[127.0.0.1]")
        .port(port())
        .requireTls(false)
        .senderEmail("pamkit@appliance.example")
        .heloName("pamkit.test");
  }

  private final SMTPServer server;
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile Policy policy = ACCEPT_ALL;
  private volatile @Nullable Runnable onData;

  private TestSmtpServer(Consumer<SMTPServer.Builder> customizer, boolean loopbackOnly) {
    SMTPServer.Builder b =
        SMTPServer.port(0)
            .hostName("test.example")
            .messageHandlerFactory(this::handler)
            .sessionHandler(
                new SessionHandler() {
                  @Override
                  public SessionAcceptance accept(Session session) {
                    sessions.incrementAndGet();
                    return SessionAcceptance.success();
                  }

                  @Override
                  public void onSessionEnd(Session session) {}
                });
    if (loopbackOnly) {
      b.bindAddress(InetAddress.getLoopbackAddress());
    }
    customizer.accept(b);
    this.server = b.build();
    server.start();
  }

  /** Starts a server bound to the loopback address, customised by {@code customizer}. */
  static TestSmtpServer start(Consumer<SMTPServer.Builder> customizer) {
    return new TestSmtpServer(customizer, true);
  }

  /** Starts a server bound to every local address (IPv4 and IPv6). */
  static TestSmtpServer startOnAllAddresses(Consumer<SMTPServer.Builder> customizer) {
    return new TestSmtpServer(customizer, false);
  }

  int port() {
    return server.getPortAllocated();
  }

  void policy(Policy policy) {
    this.policy = policy;
  }

  void onData(@Nullable Runnable hook) {
    this.onData = hook;
  }

  int sessions() {
    return sessions.get();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  private MessageHandler handler(MessageContext ctx) {
    return new MessageHandler() {
      private String from = "";
      private final List<String> to = new ArrayList<>();

      @Override
      public void from(String from) throws RejectException {
        RejectException r = policy.onSender(from);
        if (r != null) {
          throw r;
        }
        this.from = from;
      }

      @Override
      public void recipient(String recipient) throws RejectException {
        RejectException r = policy.onRecipient(recipient);
        if (r != null) {
          throw r;
        }
        to.add(recipient);
      }

      @Override
      public String data(InputStream in) throws RejectException, IOException {
        String data = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Runnable hook = onData;
        if (hook != null) {
          hook.run();
        }
        RejectException r = policy.onData(data);
        if (r != null) {
          throw r;
        }
        synchronized (TestSmtpServer.this) {
          received.add(
              new Received(
                  from,
                  List.copyOf(to),
                  data,
                  ctx.getTlsPeerCertificates(),
                  ctx instanceof org.subethamail.smtp.server.Session session
                      && session.isTLSStarted()));
        }
        return policy.acceptReply();
      }

      @Override
      public void done() {}
    };
  }

  @Override
  public void close() {
    server.stop();
  }
}
