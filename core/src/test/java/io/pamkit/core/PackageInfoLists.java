// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Core's copy of {@code
 * io.pamkit.testing.ModuleDescriptorAssert#assertPackageInfosListPublicTypes}: pamkit-testing
 * depends on pamkit-core, so core's tests cannot use it (a Maven cycle). The rules are documented
 * there; pamkit-testing's {@code ModuleTest} tests them and fails when this copy, from the method
 * on, differs from the original by more than its {@code public} modifier.
 */
final class PackageInfoLists {
  private static final String HEADING = "<h2>Public types</h2>";

  private static final Pattern LISTED = Pattern.compile("<li>\\s*\\{@link\\s+([\\w.]+)\\s*}");

  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "\\bpublic\\b[^;]*?(?<![\\w@])(?:class|interface|enum|record|@\\s*interface)\\s+(\\w+)");

  private PackageInfoLists() {}

  /**
   * Asserts that the {@code package-info.java} of each package lists exactly the package's public
   * top-level types. The list is the section that starts with the heading {@code <h2>Public
   * types</h2>}: an HTML list whose items each open with {@code {@link Name}} (the simple name, or
   * the qualified one) and go on to say why the type is public, up to the list's {@code </ul>}.
   *
   * <pre>{@code
   * <h2>Public types</h2>
   *
   * <ul>
   *   <li>{@link EventDispatcher}: the engine users build and publish events to.
   * </ul>
   * }</pre>
   *
   * <p>Types are read from the sources without compiling them: a type counts when a {@code .java}
   * file directly in the package's directory declares it {@code public} outside every brace
   * (comments, strings and character literals are skipped). Nested types are not listed.
   *
   * @param sourceRoot the main source root, such as {@code Path.of("src/main/java")}
   * @param packages the packages to check, for example the ones the module exports
   * @throws AssertionError naming, per package, every public type missing from the list and every
   *     listed name that is not a public top-level type of the package (or naming the package whose
   *     package-info or list is missing)
   * @throws UncheckedIOException if a source file cannot be read
   */
  static void assertPackageInfosListPublicTypes(Path sourceRoot, Set<String> packages) {
    requireNonNull(sourceRoot, "sourceRoot");
    List<String> failures = new ArrayList<>();
    for (String pkg : new TreeSet<>(requireNonNull(packages, "packages"))) {
      Path dir = sourceRoot.resolve(pkg.replace('.', '/'));
      Path info = dir.resolve("package-info.java");
      if (!Files.isRegularFile(info)) {
        failures.add(pkg + ": no " + info);
        continue;
      }
      String doc = read(info);
      int at = doc.indexOf(HEADING);
      if (at < 0) {
        failures.add(pkg + ": package-info.java has no " + HEADING + " section");
        continue;
      }
      int end = doc.indexOf("</ul>", at);
      Matcher m = LISTED.matcher(end < 0 ? doc.substring(at) : doc.substring(at, end));
      Set<String> listed = new TreeSet<>();
      while (m.find()) {
        String name = m.group(1);
        listed.add(name.substring(name.lastIndexOf('.') + 1));
      }
      Set<String> actual = publicTopLevelTypes(dir);
      Set<String> missing = new TreeSet<>(actual);
      missing.removeAll(listed);
      Set<String> stale = new TreeSet<>(listed);
      stale.removeAll(actual);
      if (!missing.isEmpty()) {
        failures.add(pkg + ": public types not listed in package-info.java: " + missing);
      }
      if (!stale.isEmpty()) {
        failures.add(
            pkg
                + ": listed in package-info.java but not a public top-level type of"
                + " the package: "
                + stale);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "package-info \"Public types\" lists are out of date:\n  "
              + String.join("\n  ", failures));
    }
  }

  private static Set<String> publicTopLevelTypes(Path dir) {
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".java")
            || name.equals("package-info.java")
            || name.equals("module-info.java")) {
          continue;
        }
        Matcher m = PUBLIC_TYPE.matcher(topLevelCode(read(f)));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return types;
  }

  /**
   * Returns the code outside every brace, without comments and literals, so that what remains are
   * the package and import statements and the top-level declarations' headers.
   */
  static String topLevelCode(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int depth = 0;
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        int eol = src.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int close = src.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        out.append(' ');
      } else if (src.startsWith("\"\"\"", i)) {
        int close = i + 3;
        while (close < n && !src.startsWith("\"\"\"", close)) {
          close += src.charAt(close) == '\\' ? 2 : 1;
        }
        i = Math.min(n, close + 3);
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(' ');
      } else {
        if (c == '{') {
          depth++;
          out.append(' ');
        } else if (c == '}') {
          depth = Math.max(0, depth - 1);
          out.append(' ');
        } else if (depth == 0) {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
