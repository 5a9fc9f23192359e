// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.DeliveryAssurance;
import io.pamkit.core.dispatch.FileOutbox;
import io.pamkit.core.dispatch.Outbox;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.journal.Journal;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit publish}: publishes events through the document's subscribers and waits until each
 * notification is delivered or dead-lettered, printing the counts.
 */
@Command(
    name = "publish",
    description = {
      "Publishes events and waits until each notification is delivered or dead-lettered.",
      "With --outbox, notifications a previous run left undelivered are resumed first.",
      "Exit codes: 0 every notification delivered, 1 some dead-lettered or still pending at the"
          + " time-out, 2 bad input (e.g. an event type the catalog does not know)."
    })
final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DocumentOptions document;

  @Mixin EventOptions event;

  @Mixin DeliveryWait wait;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "How many events to publish, 1..1000000, or 0 with --outbox to only resume"
              + " (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--outbox",
      paramLabel = "DIR",
      description =
          "A durable journal directory: accepted notifications are recorded before"
              + " delivery, and those a previous run left undelivered (a crash) are resumed first."
              + " An existing file is read as the older single-file outbox.")
  @Nullable Path outbox;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    if (count < (outbox == null ? 1 : 0) || count > 1_000_000) {
      throw new UsageException(
          "--count: " + count + " is outside " + (outbox == null ? "1" : "0") + "..1000000");
    }
    wait.check();
    PamkitConfig doc = document.read();
    EventDefinition definition = event.definition(doc.eventCatalog());
    boolean settled;
    DeliveryTracker tracker;
    long resumed;
    // A directory (or a new path) is a journal; an existing file is the older single-file outbox.
    Outbox box =
        outbox == null
            ? null
            : Files.isRegularFile(outbox) ? FileOutbox.open(outbox) : Journal.open(outbox);
    try (Integration integration = Integration.start(doc, box)) {
      tracker = integration.tracker();
      resumed = tracker.published();
      // publishAsync hands each record to the journal without waiting for its fsync; waiting for
      // all of them once below lets the journal force many records per fsync (group commit).
      List<CompletableFuture<Void>> durable = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        durable.add(integration.dispatcher().publishAsync(event.event(doc.eventCatalog())));
      }
      try {
        CompletableFuture.allOf(durable.toArray(new CompletableFuture<?>[0])).join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      settled = wait.await(integration, spec, "delivering", json);
    }
    print(definition.name(), tracker, resumed, settled);
    if (tracker.published() == resumed && !PamkitCli.quiet()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "pamkit: warning: no subscriber of "
              + document.config
              + " takes "
              + definition.name()
              + " (check its Subscriptions, filters and enabled flags); nothing was sent");
      err.flush();
    }
    return wait.exitCode(spec, tracker, settled);
  }

  private void print(String type, DeliveryTracker tracker, long resumed, boolean settled) {
    long published = tracker.published();
    long delivered = tracker.delivered();
    long dead = tracker.deadLettered();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> d = Json.object();
      d.put("type", type);
      d.put("events", count);
      d.put("resumed", resumed);
      d.put("notifications", published);
      d.put("delivered", delivered);
      d.put("acknowledged", tracker.delivered(DeliveryAssurance.ACKNOWLEDGED));
      d.put("sentUnverified", tracker.delivered(DeliveryAssurance.SENT_UNVERIFIED));
      d.put("unknownAssurance", tracker.delivered(DeliveryAssurance.UNKNOWN));
      d.put("deadLettered", dead);
      d.put("pending", Math.max(0, published - delivered - dead));
      List<Map<String, Object>> letters = new ArrayList<>();
      for (DeadLetter l : tracker.deadLetters()) {
        Map<String, Object> m = Json.object();
        m.put("subscriber", l.notification().subscriber().id());
        m.put("channel", l.notification().channel());
        m.put("reason", l.reason());
        letters.add(m);
      }
      d.put("deadLetters", letters);
      Json.print(out, d);
      return;
    }
    if (outbox != null) {
      out.printf("outbox %s: %d undelivered notification(s) resumed%n", outbox, resumed);
    }
    out.printf(
        "%s: %d event(s), %d notification(s): %d delivered (%s), %d dead-lettered%s%n",
        type,
        count,
        published,
        delivered,
        assurances(tracker),
        dead,
        settled ? "" : ", " + (published - delivered - dead) + " still pending");
    for (DeadLetter l : tracker.deadLetters()) {
      out.printf(
          "  dead letter: subscriber %d (%s): %s%n",
          l.notification().subscriber().id(), l.notification().channel(), l.reason());
    }
    out.flush();
  }

  /** "3 acknowledged by the peer, 2 sent unverified": what the receipts said, zeros left out. */
  static String assurances(DeliveryTracker tracker) {
    long ack = tracker.delivered(DeliveryAssurance.ACKNOWLEDGED);
    long sent = tracker.delivered(DeliveryAssurance.SENT_UNVERIFIED);
    long unknown = tracker.delivered(DeliveryAssurance.UNKNOWN);
    List<String> parts = new ArrayList<>();
    if (ack > 0) {
      parts.add(ack + " acknowledged by the peer");
    }
    if (sent > 0) {
      parts.add(sent + " sent unverified");
    }
    if (unknown > 0) {
      parts.add(unknown + " without acknowledgement information");
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }
}
