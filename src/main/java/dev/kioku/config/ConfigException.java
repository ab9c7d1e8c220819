package dev.kioku.config;

/** A setting that cannot be used; the message names the setting and the reason in one line. */
public final class ConfigException extends RuntimeException {
    private final String setting;

    public ConfigException(String setting, String reason) {
        super("invalid setting '" + setting + "': " + reason);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
