package dev.kioku.authors;

/** What a staff member may do in the admin; which role has which mirrors WordPress. */
public enum Permission {
    /** Write posts and keep them as drafts (every role). */
    WRITE_OWN,
    /** Publish, schedule and unpublish one's own posts; upload media (author and up). */
    PUBLISH_OWN,
    /** Edit and publish anyone's posts and pages, run series (editor and up). */
    EDIT_ALL,
    /** Site settings and accounts (owner). */
    ADMINISTER
}
