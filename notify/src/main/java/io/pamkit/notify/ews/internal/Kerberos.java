// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.Oid;

/**
 * SPNEGO tokens from the JDK's Kerberos (JGSS): a JAAS login of the account with its password
 * ({@code Krb5LoginModule}, no ticket cache, no keytab), then an initial {@code
 * GSSContext.initSecContext} for the service {@code HTTP@host} under the SPNEGO mechanism (OID
 * 1.3.6.1.5.5.2), which RFC 4559 puts into {@code Authorization: Negotiate <base64>}. java.net.http
 * has no SPNEGO of its own.
 *
 * <p>The JDK finds its Kerberos configuration (realms and KDCs) in the system property {@code
 * java.security.krb5.conf}, the properties {@code java.security.krb5.realm} and {@code
 * java.security.krb5.kdc}, {@code <java.home>/conf/security/krb5.conf}, {@code
 * %SystemRoot%\krb5.ini} on Windows or {@code /etc/krb5.conf}; {@link #configuration()} looks in
 * the same places.
 *
 * <p>Thread-safe; no state.
 */
public final class Kerberos {
  private static final String SPNEGO = "1.3.6.1.5.5.2";

  private Kerberos() {}

  /**
   * Returns where the JDK would read its Kerberos configuration from, if anywhere.
   *
   * @return the file, {@code "system properties"} for realm and KDC properties, or empty
   */
  public static Optional<String> configuration() {
    String file = System.getProperty("java.security.krb5.conf");
    if (file != null) {
      return Files.isRegularFile(Path.of(file)) ? Optional.of(file) : Optional.empty();
    }
    if (System.getProperty("java.security.krb5.realm") != null
        && System.getProperty("java.security.krb5.kdc") != null) {
      return Optional.of("system properties java.security.krb5.realm and .kdc");
    }
    String windows = System.getenv("SystemRoot");
    for (Path p :
        new Path[] {
          Path.of(System.getProperty("java.home"), "conf", "security", "krb5.conf"),
          windows == null ? Path.of("/etc/krb5.conf") : Path.of(windows, "krb5.ini"),
        }) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p.toString());
      }
    }
    return Optional.empty();
  }

  /**
   * Logs the account in and returns the first SPNEGO token for {@code HTTP@host}.
   *
   * @param host the server's host name (its service principal is {@code HTTP/host})
   * @param principal {@code user@REALM}, or a <code>DOMAIN&#92;user</code> name (then {@code user}
   *     in the default realm)
   * @param password the password
   * @return the token
   * @throws LoginException if the KDC refuses the login or cannot be reached
   * @throws GSSException if no service ticket can be had for the host
   */
  public static byte[] initialToken(String host, String principal, Secret password)
      throws LoginException, GSSException {
    requireNonNull(host, "host");
    String name =
        principal.contains("\\") ? principal.substring(principal.indexOf('\\') + 1) : principal;
    LoginContext login =
        new LoginContext(
            "pamkit-ews",
            new Subject(),
            callbacks -> answer(callbacks, name, password),
            new PasswordLogin(name));
    login.login();
    try {
      PrivilegedExceptionAction<byte[]> token =
          () -> {
            GSSManager m = GSSManager.getInstance();
            GSSName service = m.createName("HTTP@" + host, GSSName.NT_HOSTBASED_SERVICE);
            GSSContext ctx =
                m.createContext(service, new Oid(SPNEGO), null, GSSContext.DEFAULT_LIFETIME);
            try {
              ctx.requestCredDeleg(false);
              return ctx.initSecContext(new byte[0], 0, 0);
            } finally {
              ctx.dispose();
            }
          };
      try {
        return Subject.doAs(login.getSubject(), token);
      } catch (java.security.PrivilegedActionException e) {
        if (e.getException() instanceof GSSException g) {
          throw g;
        }
        throw new GSSException(GSSException.FAILURE, -1, e.getException().toString());
      }
    } finally {
      login.logout();
    }
  }

  private static void answer(Callback[] callbacks, String name, Secret password)
      throws UnsupportedCallbackException {
    for (Callback c : callbacks) {
      if (c instanceof NameCallback n) {
        n.setName(name);
      } else if (c instanceof PasswordCallback p) {
        char[] chars = password.reveal().toCharArray();
        p.setPassword(chars);
        Arrays.fill(chars, '\0');
      } else {
        throw new UnsupportedCallbackException(c);
      }
    }
  }

  /** A JAAS configuration with one entry: Krb5LoginModule with a password, nothing cached. */
  private static final class PasswordLogin extends Configuration {
    private final String principal;

    PasswordLogin(String principal) {
      this.principal = principal;
    }

    @Override
    public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
      return new AppConfigurationEntry[] {
        new AppConfigurationEntry(
            "com.sun.security.auth.module.Krb5LoginModule",
            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
            Map.of(
                "principal", principal,
                "useTicketCache", "false",
                "useKeyTab", "false",
                "storeKey", "false",
                "isInitiator", "true",
                "refreshKrb5Config", "true"))
      };
    }
  }
}
