package dev.kioku.admin;

import dev.kioku.authors.Permission;
import dev.kioku.authors.Staff;

/**
 * What every admin page needs: who is signed in, the CSRF token for its forms, which section is open,
 * asset URLs, and a notice to show once (after a redirect), or null.
 */
public record AdminFrame(String siteTitle, Staff me, String csrf, String section, String cssUrl, String htmxUrl,
                         String scriptUrl, String notice) {
    public boolean can(Permission p) {
        return me != null && me.can(p);
    }

    /** Lets templates test a permission by name: {@code frame.can("EDIT_ALL")}. */
    public boolean can(String permission) {
        return can(Permission.valueOf(permission));
    }

    public String active(String name) {
        return name.equals(section) ? "page" : "false";
    }
}
