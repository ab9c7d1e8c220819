package dev.kioku.authors;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes (OWASP's parameters: 19 MiB, 2 passes, 1 lane). */
final class Passwords {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** A real hash of a random password, checked against when an email is unknown (equal timing). */
    static final String DUMMY = hash(java.util.UUID.randomUUID().toString().toCharArray());

    private Passwords() {
    }

    static void requireStrong(char[] password) {
        if (password == null || password.length < 8) throw new IllegalArgumentException("password must be at least 8 characters");
    }

    static String hash(char[] password) {
        return Password.hash(new String(password)).addRandomSalt(16).with(ARGON2).getResult();
    }

    static boolean check(char[] password, String hash) {
        return hash != null && Password.check(new String(password), hash).with(ARGON2);
    }
}
