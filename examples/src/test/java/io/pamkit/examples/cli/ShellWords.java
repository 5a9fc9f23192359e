// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the command lines that the README and {@code pamkit simulator} print into arguments, as a
 * POSIX shell would for the quoting they use (single and double quotes, backslash), so that tests
 * run exactly the printed commands.
 */
public final class ShellWords {
  private ShellWords() {}

  /**
   * Splits one line into words.
   *
   * @param line the command line, without a trailing comment
   * @return the words, quotes removed
   * @throws IllegalArgumentException on an unclosed quote
   */
  public static List<String> split(String line) {
    return split(line, Map.of());
  }

  /**
   * Splits one line into words, expanding {@code $NAME} and {@code ${NAME}} outside single quotes
   * from the given variables (an unknown name is an error, not an empty word).
   *
   * @param line the command line
   * @param variables the shell variables
   * @return the words, quotes removed
   * @throws IllegalArgumentException on an unclosed quote or an unknown variable
   */
  public static List<String> split(String line, Map<String, String> variables) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '$'
          && quote != '\''
          && i + 1 < line.length()
          && (Character.isLetter(line.charAt(i + 1))
              || line.charAt(i + 1) == '_'
              || line.charAt(i + 1) == '{')) {
        boolean braces = line.charAt(i + 1) == '{';
        int start = i + (braces ? 2 : 1);
        int end = start;
        while (end < line.length()
            && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
          end++;
        }
        String name = line.substring(start, end);
        String value = variables.get(name);
        if (value == null) {
          throw new IllegalArgumentException("$" + name + " is not set in: " + line);
        }
        w.append(value);
        inWord = true;
        i = braces ? end : end - 1;
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          w.append(line.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        w.append(line.charAt(++i));
        inWord = true;
      } else if (c == '#' && !inWord) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed quote in: " + line);
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  /**
   * Reads the variables of an {@code export A=x B='y'} line.
   *
   * @param line the line
   * @return the variables in order
   */
  public static Map<String, String> exports(String line) {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> words = split(line);
    for (String word : words.subList(words.get(0).equals("export") ? 1 : 0, words.size())) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        env.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return env;
  }
}
