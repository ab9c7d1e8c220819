package dev.kioku.accounts;

import dev.kioku.admin.AdminFrame;

/**
 * The sign-in, first-run setup and password pages. Fields hold what the person typed (never passwords),
 * so a refused form comes back filled in.
 *
 * @param error one line saying what to fix, or null
 */
public record AccountForm(AdminFrame frame, String kind, String error, String email, String name, String siteTitle,
                          String next) {
}
