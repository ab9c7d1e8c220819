package dev.kioku.migrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The layout of a Markdown bundle, shared by {@link MarkdownExport} and {@link MarkdownImport}:
 * <pre>
 * kioku.yaml                       the exporting site (its address names it for re-imports)
 * content/posts/YYYY-MM-DD-slug.md  YAML front matter, then the Markdown source
 * content/pages/slug.md
 * media/YYYY/MM/name               the images, as stored (posts link to /media/YYYY/MM/name)
 * data/media.yaml                  each image's file, alt text and caption
 * data/series.yaml                 each series: slug, title, description, planned parts
 * data/comments/posts/slug.yaml    a post's comments, threaded by id and parent
 * data/comments/pages/slug.yaml
 * </pre>
 * Hugo reads {@code content/} and {@code data/} as they are (mount {@code media} as {@code static/media}); Jekyll
 * serves {@code media/} as it is and reads {@code data/} as {@code _data/} once renamed.
 */
final class Bundle {
    static final String SITE = "kioku.yaml";
    static final String POSTS = "content/posts";
    static final String PAGES = "content/pages";
    static final String MEDIA = "media";
    static final String MEDIA_LIST = "data/media.yaml";
    static final String SERIES = "data/series.yaml";
    static final String COMMENTS = "data/comments";
    /** Strings always double-quoted and escaped: a title such as {@code no: yes #1} stays a string. */
    static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private Bundle() {
    }
}
