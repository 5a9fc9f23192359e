// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.recipes;

import io.pamkit.core.event.EventPublisher;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.TaskGate;
import java.time.Duration;
import java.util.List;

/**
 * Recipe: a maintenance window. Switches password management off (checks and changes), so that no
 * new password task starts, scheduled or manual, then waits until the tasks already running have
 * finished; after the maintenance, switches both back on. Every switch emits the engine's {@code
 * ServicesConfigUpdated} event through the given publisher (normally the dispatcher, so that
 * administrators' subscribers see it).
 *
 * <pre>{@code
 * ServiceToggles toggles = ServiceToggles.builder("SPP-1").publisher(dispatcher).build();
 * MaintenanceWindowRecipe.Window w =
 *     MaintenanceWindowRecipe.begin(toggles, "maintenance-bot", Duration.ofMinutes(10));
 * // ... patch the database, rotate the vault key ...
 * MaintenanceWindowRecipe.end(toggles, "maintenance-bot");
 * }</pre>
 *
 * <p>This example is compiled and run by {@code MaintenanceWindowRecipeTest}.
 */
public final class MaintenanceWindowRecipe {
  /** The services a password maintenance window switches off. */
  public static final List<Service> PASSWORD_MANAGEMENT =
      List.of(Service.PASSWORD_CHECK_ENABLED, Service.PASSWORD_CHANGE_ENABLED);

  private MaintenanceWindowRecipe() {}

  /**
   * What switching off achieved.
   *
   * @param switchedOff the services this call switched off (those already off are not listed)
   * @param drained whether every running task finished within the time allowed
   * @param stillRunning the number of tasks still running when the wait ended
   */
  public record Window(List<Service> switchedOff, boolean drained, int stillRunning) {}

  /**
   * Opens the window: switches password checks and changes off, then waits for running tasks.
   *
   * @param toggles the service-toggle engine
   * @param actor who opens the window, recorded in the events
   * @param drainTimeout how long to wait for running tasks
   * @return what happened
   * @throws InterruptedException if interrupted while waiting
   */
  public static Window begin(ServiceToggles toggles, String actor, Duration drainTimeout)
      throws InterruptedException {
    List<Service> off = new java.util.ArrayList<>();
    for (Service s : PASSWORD_MANAGEMENT) {
      if (toggles.setEnabled(s, false, actor)) {
        off.add(s);
      }
    }
    boolean drained = true;
    int running = 0;
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    for (Service s : PASSWORD_MANAGEMENT) {
      TaskGate gate = toggles.gate(s);
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!gate.awaitDrained(left)) {
        drained = false;
      }
      running += gate.running();
    }
    return new Window(List.copyOf(off), drained, running);
  }

  /**
   * Closes the window: switches password checks and changes back on.
   *
   * @param toggles the service-toggle engine
   * @param actor who closes the window, recorded in the events
   */
  public static void end(ServiceToggles toggles, String actor) {
    for (Service s : PASSWORD_MANAGEMENT) {
      toggles.setEnabled(s, true, actor);
    }
  }

  /**
   * Runs the recipe against an engine whose events are printed: one password change is running when
   * the window opens and finishes two seconds later.
   *
   * @param args none
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    EventPublisher print = e -> System.out.println("event " + e.name() + " " + e.properties());
    ServiceToggles toggles = ServiceToggles.builder("SPP-1").publisher(print).build();
    TaskGate.Permit running = toggles.gate(Service.PASSWORD_CHANGE_ENABLED).acquire();
    Thread task =
        new Thread(
            () -> {
              try {
                Thread.sleep(2_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                running.close();
              }
            });
    task.start();
    Window w = begin(toggles, "maintenance-bot", Duration.ofSeconds(30));
    System.out.println(
        "switched off "
            + w.switchedOff()
            + "; drained: "
            + w.drained()
            + "; a new change may start: "
            + toggles.gate(Service.PASSWORD_CHANGE_ENABLED).tryAcquire().isPresent());
    end(toggles, "maintenance-bot");
    System.out.println(
        "window closed; password changes on: "
            + toggles.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
  }
}
