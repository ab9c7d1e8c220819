package dev.kioku.readers.oauth;

/** A preset with what the owner set for it. */
record Provider(Preset preset, ProviderSettings settings) {
    String id() {
        return preset.id();
    }

    String label() {
        return preset.label();
    }
}
