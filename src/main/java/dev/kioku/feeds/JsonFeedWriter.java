package dev.kioku.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): one object, dates in RFC 3339, UTC. */
final class JsonFeedWriter {
    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFeedWriter() {
    }

    static byte[] write(Feed feed) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.homeUrl());
        root.put("feed_url", FeedFormat.JSON.url(feed.feedUrl()));
        if (!feed.description().isBlank()) root.put("description", feed.description());
        root.put("language", feed.language());
        ArrayNode items = root.putArray("items");
        for (Feed.Item it : feed.items()) {
            ObjectNode item = items.addObject();
            item.put("id", it.id());
            item.put("url", it.url());
            item.put("title", it.title());
            if (it.html() != null) item.put("content_html", it.html());
            else item.put("content_text", it.summary());
            if (it.summary() != null) item.put("summary", it.summary());
            if (it.image() != null) item.put("image", it.image().url());
            item.put("date_published", rfc3339(it.published()));
            item.put("date_modified", rfc3339(it.updated()));
            if (it.author() != null) {
                ObjectNode author = item.putArray("authors").addObject();
                author.put("name", it.author().name());
                if (it.author().url() != null) author.put("url", it.author().url());
            }
            if (!it.tags().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                it.tags().forEach(tags::add);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON feed", e);
        }
    }

    static String rfc3339(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
