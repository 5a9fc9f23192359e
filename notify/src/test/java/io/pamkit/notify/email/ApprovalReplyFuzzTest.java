// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pamkit.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Coverage-guided fuzzing of inbound approval replies: any bytes either parse or are refused with a
 * {@link ValidationException}, and an approval never comes from a new text that also holds a reject
 * word. In {@code mvn verify} it replays the saved corpus ({@code ApprovalReplyFuzzTestInputs});
 * fuzz for longer with {@code JAZZER_FUZZ=1 mvn -pl notify -am verify -Dtest=ApprovalReplyFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=10m}.
 */
final class ApprovalReplyFuzzTest {
  private static final Set<String> REJECT =
      Set.of("reject", "rejected", "deny", "denied", "decline", "declined");

  @FuzzTest
  void parse(byte[] message) {
    ApprovalReply reply;
    try {
      reply = ApprovalReply.parse(new ByteArrayInputStream(message));
    } catch (ValidationException refused) {
      return;
    }
    if (reply.decision() == ApprovalDecision.APPROVED) {
      assertFalse(reply.autoReply());
      for (String w : reply.newText().toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
        assertFalse(REJECT.contains(w), reply.newText());
      }
    }
    reply.toString();
  }

  @FuzzTest
  void decide(@Nullable String text) {
    if (text == null) {
      return;
    }
    String newText = ApprovalReply.stripQuoted(text);
    ApprovalDecision d = ApprovalReply.decide(newText, "");
    if (d == ApprovalDecision.APPROVED) {
      String first = newText.split("\n", 2)[0].toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      for (String w : first.split("[^\\p{L}']+")) {
        assertFalse(Set.of("not", "no", "never", "don't").contains(w), text);
      }
    }
    assertEquals(ApprovalReply.htmlToText(text), ApprovalReply.htmlToText(text));
  }
}
