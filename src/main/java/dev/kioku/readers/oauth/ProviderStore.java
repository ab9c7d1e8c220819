package dev.kioku.readers.oauth;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Provider settings as {@code readers.<id>.<field>} rows of the {@code settings} table. */
final class ProviderStore {
    private final Jdbi jdbi;

    ProviderStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every provider with any setting, by id; the added OpenID Connect ones are those with an issuer. */
    Map<String, ProviderSettings> load() {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select name, value from settings where name like 'readers.%'")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    String[] parts = e.getKey().split("\\.", 3);
                    if (parts.length == 3) byId.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], e.getValue());
                }));
        Map<String, ProviderSettings> out = new TreeMap<>();
        byId.forEach((id, v) -> out.put(id, new ProviderSettings(id, v.getOrDefault("label", id),
                "true".equals(v.get("enabled")), v.get("client_id"), v.get("client_secret"),
                v.get("issuer") == null || v.get("issuer").isBlank() ? null : URI.create(v.get("issuer")))));
        return out;
    }

    /** Writes every field of {@code s}; its secret too, so pass the kept one when the owner typed none. */
    void save(ProviderSettings s) {
        jdbi.useTransaction(h -> {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"label", s.label()});
            rows.add(new String[] {"enabled", Boolean.toString(s.enabled())});
            rows.add(new String[] {"client_id", s.clientId()});
            rows.add(new String[] {"client_secret", s.clientSecret()});
            if (s.issuer() != null) rows.add(new String[] {"issuer", s.issuer().toString()});
            for (String[] row : rows) put(h, "readers." + s.id() + "." + row[0], row[1]);
        });
    }

    /** Forgets an added provider. */
    void delete(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from settings where name like :prefix")
                .bind("prefix", "readers." + id + ".%").execute());
    }

    private static void put(Handle h, String name, String value) {
        h.createUpdate("""
                insert into settings (name, value) values (:name, :value)
                on conflict (name) do update set value = excluded.value
                """).bind("name", name).bind("value", value).execute();
    }
}
