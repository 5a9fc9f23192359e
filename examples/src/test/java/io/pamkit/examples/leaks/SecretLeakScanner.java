// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.leaks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the secrets pamkit's tests use and looks for them in everything the test suite wrote: the
 * Surefire and Failsafe reports of every module (summaries, {@code *-output.txt} with the
 * redirected standard output and error, where the test loggers write, XML reports, dump streams)
 * and any {@code *.log} file under a module's {@code target}.
 *
 * <p>A test secret is a string literal of at least {@link #MIN_LENGTH} characters, not made of
 * letters only nor of digits only (a word such as {@code public} or {@code changeit}, or a one-time
 * code such as {@code 000000}, would match harmless text: object hashes, addresses), in any Java
 * source of the reactor ({@code src/main/java} and {@code src/test/java}) that is:
 *
 * <ul>
 *   <li>the argument of {@code Secret.of("...")};
 *   <li>the value of a secret member of a JSON document written in a test ({@code "Password":
 *       "..."}, {@code ClientSecret}, {@code ApiKey}, {@code Community}, ...);
 *   <li>the value of a secret environment variable given to the CLI ({@code "PAMKIT_PASSWORD",
 *       "..."});
 *   <li>any literal on a line carrying the marker comment {@code // test secret}.
 * </ul>
 *
 * Not covered: secrets made at run time (tokens the simulators issue), and literals shorter than
 * {@link #MIN_LENGTH} or made of letters or digits only.
 */
final class SecretLeakScanner {
  /** Shorter literals ("pw", "a") would match harmless text everywhere. */
  static final int MIN_LENGTH = 6;

  private static final String LITERAL = "\"((?:[^\"\\\\]|\\\\.){" + MIN_LENGTH + ",200})\"";
  private static final String ESCAPED_LITERAL = "\\\\\"([^\"\\\\]{" + MIN_LENGTH + ",200})\\\\\"";
  private static final List<Pattern> SECRET_PATTERNS =
      List.of(
          Pattern.compile("Secret\\.of\\(\\s*" + LITERAL),
          Pattern.compile(
              "\\\\?\"(?:Password|ClientSecret|ApiKey|Community|AuthenticationPassword"
                  + "|EncryptionPassword|Token|UserToken|OneTimeToken|PrivateKeyPassword)"
                  + "\\\\?\"\\s*:\\s*(?:"
                  + LITERAL
                  + "|"
                  + ESCAPED_LITERAL
                  + ")"),
          Pattern.compile("\"PAMKIT_[A-Z_]*(?:PASSWORD|TOKEN|SECRET|KEY)\"\\s*,\\s*" + LITERAL));
  private static final Pattern MARKED_LINE = Pattern.compile("//\\s*test secret\\b");
  private static final Pattern ANY_LITERAL = Pattern.compile(LITERAL);

  private SecretLeakScanner() {}

  /** One occurrence of a secret in a file. */
  record Leak(Path file, int line, String secret) {
    /** Names file and line; shows only the secret's first two characters and its length. */
    @Override
    public String toString() {
      return file
          + ":"
          + line
          + ": contains the test secret '"
          + secret.substring(0, 2)
          + "...' ("
          + secret.length()
          + " characters)";
    }
  }

  /** Returns the secrets of every Java source under {@code root}'s modules. */
  static Set<String> secretsUsedByTests(Path root) {
    Set<String> out = new TreeSet<>();
    for (Path module : modules(root)) {
      for (String tree : List.of("src/main/java", "src/test/java")) {
        Path dir = module.resolve(tree);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(dir)) {
          files
              .filter(p -> p.toString().endsWith(".java"))
              .forEach(p -> out.addAll(secretsIn(read(p))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return out;
  }

  /** Returns the test secrets of one Java source text. */
  static Set<String> secretsIn(String javaSource) {
    Set<String> out = new TreeSet<>();
    for (Pattern p : SECRET_PATTERNS) {
      Matcher m = p.matcher(javaSource);
      while (m.find()) {
        for (int g = 1; g <= m.groupCount(); g++) {
          if (m.group(g) != null) {
            add(out, m.group(g));
          }
        }
      }
    }
    for (String line : javaSource.split("\n", -1)) {
      if (MARKED_LINE.matcher(line).find()) {
        Matcher m = ANY_LITERAL.matcher(line);
        while (m.find()) {
          add(out, m.group(1));
        }
      }
    }
    return out;
  }

  private static void add(Set<String> out, String javaLiteral) {
    String v = unescape(javaLiteral);
    if (v.length() >= MIN_LENGTH
        && !v.chars().allMatch(Character::isLetter)
        && !v.chars().allMatch(Character::isDigit)
        && !v.contains("*")) {
      out.add(v);
    }
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> n;
            });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Returns every report and log file the test suite wrote under {@code root}'s modules. */
  static List<Path> outputsOf(Path root) {
    List<Path> out = new ArrayList<>();
    for (Path module : modules(root)) {
      Path target = module.resolve("target");
      if (!Files.isDirectory(target)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(target, 6)) {
        files.filter(Files::isRegularFile).filter(SecretLeakScanner::isOutput).forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.sort(null);
    return out;
  }

  private static boolean isOutput(Path p) {
    String name = p.getFileName().toString();
    String parent = p.getParent().getFileName().toString();
    boolean report = parent.equals("surefire-reports") || parent.equals("failsafe-reports");
    return name.endsWith(".log")
        || (report
            && (name.endsWith(".txt")
                || name.endsWith(".xml")
                || name.endsWith(".dumpstream")
                || name.endsWith(".dump")));
  }

  /** Looks for every secret in every file; XML test names and system properties are skipped. */
  static List<Leak> scan(Collection<Path> files, Set<String> secrets) {
    List<Leak> leaks = new ArrayList<>();
    for (Path f : files) {
      String[] lines = read(f).split("\n", -1);
      boolean xml = f.toString().endsWith(".xml");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (xml && (line.contains("<testcase ") || line.contains("<property "))) {
          continue; // a parameterized test's name may show its argument; that is not output
        }
        for (String s : secrets) {
          if (line.contains(s) || (xml && line.contains(xmlEscaped(s)))) {
            leaks.add(new Leak(f, i + 1, s));
          }
        }
      }
    }
    return leaks;
  }

  private static String xmlEscaped(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  /** The reactor's module directories: those with a {@code pom.xml} next to the root's. */
  static List<Path> modules(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file, replacing malformed bytes rather than failing on a binary report. */
  private static String read(Path p) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
