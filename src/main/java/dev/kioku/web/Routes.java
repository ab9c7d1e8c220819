package dev.kioku.web;

/** A feature's HTTP surface; each feature registers its own routes. */
@FunctionalInterface
public interface Routes {
    void register(PublicPages pages);
}
