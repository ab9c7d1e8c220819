package dev.kioku.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Precompiled jte templates rendered straight to UTF-8 bytes. Templates get one view record each. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code "content/post.jte"}) with its single view parameter. */
    public byte[] render(String name, Object view) {
        var out = new Utf8ByteOutput(16 * 1024);
        engine.render(name, view, out);
        return out.toByteArray();
    }
}
