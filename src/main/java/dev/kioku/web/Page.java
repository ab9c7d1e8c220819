package dev.kioku.web;

import java.util.Set;

/** A freshly rendered public page (or other generated document: {@code html} is then its bytes) and the change keys it depends on. */
public record Page(byte[] html, Set<String> keys) {
    public Page {
        keys = Set.copyOf(keys);
    }
}
