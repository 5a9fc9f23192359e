// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeadLetter;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit test-event}: the appliance's "Send Test Event": a real {@code Test} event,
 * delivered at once through the subscriber's channel, to one subscriber or to every one; the
 * outcome per subscriber is printed.
 */
@Command(
    name = "test-event",
    description = {
      "Sends the Test event to one subscriber (by Id or Description) or to every subscriber.",
      "Exit codes: 0 delivered to each, 1 a delivery failed, 2 bad input (e.g. unknown"
          + " subscriber)."
    })
final class TestEventCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DocumentOptions document;

  @Option(
      names = "--subscriber",
      paramLabel = "ID_OR_DESCRIPTION",
      description = "The subscriber's Id or Description (default: every subscriber).")
  @Nullable String subscriber;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    PamkitConfig doc = document.read();
    List<Subscriber> targets = targets(doc.eventSubscribers());
    List<Map<String, Object>> results = new ArrayList<>();
    int failed = 0;
    PrintWriter out = spec.commandLine().getOut();
    // The appliance's Send Test Event answers at once: a synchronous dispatcher, one attempt,
    // the outcome read from what the dispatcher reports (delivered or dead-lettered, with why).
    DeliveryTracker tracker = new DeliveryTracker();
    EventDispatcher.Builder b =
        EventDispatcher.builder()
            .synchronous(true)
            .defaultLaneConfig(
                LaneConfig.builder()
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .build())
            .listener(tracker)
            .subscribers(doc.eventSubscribers());
    b.transports(Integration.createTransports(doc).values());
    try (EventDispatcher dispatcher = b.build();
        Progress progress =
            Progress.start(spec.commandLine().getErr(), "test-event", targets.size(), json)) {
      SubscriberRegistry registry =
          SubscriberRegistry.builder(dispatcher).catalog(doc.eventCatalog()).build();
      registry.addAll(doc.eventSubscribers());
      for (Subscriber s : targets) {
        Map<String, Object> r = Json.object();
        r.put("id", s.id());
        r.put("type", s.type());
        r.put("description", s.description());
        ApplianceEvent event = registry.sendTestEvent(s.id());
        String key = event.id() + "/" + s.id();
        String outcome;
        Optional<DeadLetter> dead =
            tracker.deadLetters().stream()
                .filter(d -> d.notification().idempotencyKey().equals(key))
                .findFirst();
        if (dead.isPresent()) {
          DeadLetter d = dead.get();
          String type =
              d.attempts().isEmpty()
                  ? "NOT_SENT"
                  : d.attempts().get(d.attempts().size() - 1).failureType().name();
          outcome = "FAILED (" + type + ") " + d.reason().replaceAll("\\p{Cntrl}", " ");
          r.put("delivered", false);
          r.put("failure", type);
          failed++;
        } else {
          outcome = "delivered via " + s.type();
          r.put("delivered", true);
        }
        r.put("event", event.id());
        r.put("outcome", outcome);
        results.add(r);
        if (!json) {
          out.printf("%d %s '%s': %s%n", s.id(), s.type(), s.description(), outcome);
        }
        progress.update(results.size());
      }
    }
    if (json) {
      Map<String, Object> d = Json.object();
      d.put("sent", results.size());
      d.put("failed", failed);
      d.put("subscribers", results);
      Json.print(out, d);
    }
    out.flush();
    return failed == 0
        ? ExitCodes.OK
        : PamkitCli.failure(
            spec,
            "the test event failed for " + failed + " of " + results.size() + " subscriber(s)");
  }

  private List<Subscriber> targets(List<Subscriber> all) {
    if (subscriber == null) {
      if (all.isEmpty()) {
        throw new UsageException(document.config + ": the document has no EventSubscribers");
      }
      return all;
    }
    String wanted = subscriber.strip();
    List<Subscriber> found =
        all.stream()
            .filter(
                s ->
                    Integer.toString(s.id()).equals(wanted)
                        || s.description().equalsIgnoreCase(wanted))
            .toList();
    if (found.isEmpty()) {
      throw new UsageException(
          "unknown subscriber '"
              + wanted
              + "'"
              + UsageException.hint(wanted, all.stream().map(Subscriber::description).toList())
              + "; the document has "
              + all.stream()
                  .map(s -> s.id() + " '" + s.description() + "'")
                  .collect(Collectors.joining(", ")));
    }
    if (found.size() > 1) {
      throw new UsageException(
          "subscriber '"
              + wanted
              + "' is ambiguous: "
              + found.stream().map(s -> Integer.toString(s.id())).collect(Collectors.joining(", "))
              + "; use the Id");
    }
    return found;
  }
}
