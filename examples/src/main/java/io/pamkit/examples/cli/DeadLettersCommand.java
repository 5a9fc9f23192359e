// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import io.pamkit.core.journal.Journal;
import io.pamkit.core.journal.JournalDeadLetter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pamkit dead-letters list | redrive ID | purge ID --outbox DIR}: the dead letters a journal
 * keeps. A re-driven dead letter becomes pending again and is delivered by the next dispatcher
 * started on the journal (for example {@code pamkit publish --count 0 --outbox DIR}). The journal
 * is locked while a service uses it; stop the service first.
 */
@Command(
    name = "dead-letters",
    description = {
      "Lists, re-drives and purges the dead letters of a journal (--outbox DIR).",
      "Exit codes: 0 done, 1 the journal is in use or cannot be read, 2 bad input (no such dead"
          + " letter or journal)."
    },
    subcommands = {
      DeadLettersCommand.ListCommand.class,
      DeadLettersCommand.RedriveCommand.class,
      DeadLettersCommand.PurgeCommand.class
    })
final class DeadLettersCommand {

  private DeadLettersCommand() {}

  /** The options every dead-letters subcommand takes. */
  static final class Common {
    /** The command these options are mixed into. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
        names = "--outbox",
        required = true,
        paramLabel = "DIR",
        description = "The journal directory (as given to publish --outbox).")
    Path outbox;

    Journal open() throws NoSuchFileException {
      if (!Files.isDirectory(outbox)) {
        throw new NoSuchFileException(outbox.toString());
      }
      return Journal.open(outbox);
    }
  }

  @Command(
      name = "list",
      description = "Lists the dead letters, oldest first: id, event, attempts, when, reason.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() throws NoSuchFileException {
      try (Journal j = common.open()) {
        List<JournalDeadLetter> dead = j.deadLetters();
        PrintWriter out = common.spec.commandLine().getOut();
        for (JournalDeadLetter d : dead) {
          out.printf(
              "%s  %s  %d attempt(s)  %s  %s%n",
              d.id(), d.entry().event().name(), d.attempts(), d.deadLetteredAt(), d.reason());
        }
        out.printf("%d dead letter(s)%n", dead.size());
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code redrive ID} and {@code purge ID}: one change to one dead letter. */
  abstract static class ChangeCommand implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(paramLabel = "ID", description = "The dead letter's id, as listed.")
    String id;

    private final BiPredicate<Journal, String> change;
    private final String done;

    /**
     * @param change makes the change; false when the journal has no dead letter with the id
     * @param done what the output line says was done, e.g. {@code re-driven}
     */
    ChangeCommand(BiPredicate<Journal, String> change, String done) {
      this.change = change;
      this.done = done;
    }

    @Override
    public Integer call() throws NoSuchFileException {
      try (Journal j = common.open()) {
        if (!change.test(j, id)) {
          throw new UsageException("no dead letter '" + id + "' in " + common.outbox);
        }
      }
      common.spec.commandLine().getOut().printf("%s: %s%n", done, id);
      common.spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "redrive",
      description =
          "Makes a dead letter pending again; the next dispatcher on the journal delivers it.")
  static final class RedriveCommand extends ChangeCommand {
    RedriveCommand() {
      super(Journal::redrive, "re-driven");
    }
  }

  @Command(name = "purge", description = "Deletes a dead letter for good.")
  static final class PurgeCommand extends ChangeCommand {
    PurgeCommand() {
      super(Journal::purge, "purged");
    }
  }
}
